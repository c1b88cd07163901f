namespace Dedup.Engine.Reporting.Html;

/// <summary>Axes of an x-y plot: grid lines and labels at the y ticks, labels at the x ticks, axis titles.</summary>
internal static class PlotFrame
{
    public static void Draw(SvgCanvas canvas, PlotArea area, IScale x, IReadOnlyList<Tick> xTicks, IScale y, string xTitle, string yTitle)
    {
        foreach (var tick in y.Ticks())
        {
            double py = y.Map(tick.Value);
            canvas.Line(area.Left, py, area.Right, py, "grid");
            canvas.Text(area.Left - 6, py + 4, tick.Label, "tick end");
        }

        foreach (var tick in xTicks)
        {
            double px = x.Map(tick.Value);
            canvas.Line(px, area.Bottom, px, area.Bottom + 5, "axis");
            canvas.Text(px, area.Bottom + 18, tick.Label, "tick middle");
        }

        canvas.Line(area.Left, area.Bottom, area.Right, area.Bottom, "axis");
        canvas.Line(area.Left, area.Top, area.Left, area.Bottom, "axis");
        canvas.Text((area.Left + area.Right) / 2, area.Bottom + 40, xTitle, "axis-title middle");
        canvas.VerticalText(16, (area.Top + area.Bottom) / 2, yTitle, "axis-title middle");
    }

    /// <summary>A plot with nothing to show says so instead of drawing empty axes.</summary>
    public static void Empty(SvgCanvas canvas, string message) =>
        canvas.Text(canvas.Width / 2.0, canvas.Height / 2.0, message, "empty middle");
}
