using System.Text;

namespace Dedup.Engine.Reporting.Html;

/// <summary>
/// Collects SVG elements for one plot. Styling is by CSS class (see <see cref="PageStyle"/>), so
/// the plots follow the page's fonts and colours and the markup stays small.
/// </summary>
internal sealed class SvgCanvas(int width, int height, string title)
{
    private readonly StringBuilder body = new();

    public int Width { get; } = width;

    public int Height { get; } = height;

    public void Line(double x1, double y1, double x2, double y2, string cssClass) =>
        body.Append($"<line class=\"{cssClass}\" x1=\"{C(x1)}\" y1=\"{C(y1)}\" x2=\"{C(x2)}\" y2=\"{C(y2)}\"/>");

    /// <summary>A rectangle; the tooltip (an SVG title) shows the exact numbers on hover.</summary>
    public void Rect(double x, double y, double w, double h, string cssClass, string tooltip) =>
        body.Append($"<rect class=\"{cssClass}\" x=\"{C(x)}\" y=\"{C(y)}\" width=\"{C(w)}\" height=\"{C(h)}\"><title>{HtmlText.Escape(tooltip)}</title></rect>");

    /// <summary>Text anchored at its start; the classes "middle" and "end" move the anchor.</summary>
    public void Text(double x, double y, string text, string cssClass) =>
        body.Append($"<text class=\"{cssClass}\" x=\"{C(x)}\" y=\"{C(y)}\">{HtmlText.Escape(text)}</text>");

    /// <summary>Text read bottom to top, for a y axis title.</summary>
    public void VerticalText(double x, double y, string text, string cssClass) =>
        body.Append($"<text class=\"{cssClass}\" transform=\"translate({C(x)},{C(y)}) rotate(-90)\">{HtmlText.Escape(text)}</text>");

    public void Polyline(IEnumerable<(double X, double Y)> points, string cssClass) =>
        body.Append($"<polyline class=\"{cssClass}\" points=\"{string.Join(' ', points.Select(p => $"{C(p.X)},{C(p.Y)}"))}\"/>");

    public override string ToString() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\">"
        + $"<title>{HtmlText.Escape(title)}</title>{body}</svg>";

    private static string C(double value) => DisplayFormat.Coordinate(value);
}
