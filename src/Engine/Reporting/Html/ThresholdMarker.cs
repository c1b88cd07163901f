namespace Dedup.Engine.Reporting.Html;

/// <summary>The similarity threshold as a dashed vertical line with its value, on any plot over similarity.</summary>
internal static class ThresholdMarker
{
    public static void Draw(SvgCanvas canvas, PlotArea area, IScale x, double threshold)
    {
        double px = x.Map(threshold);
        canvas.Line(px, area.Top, px, area.Bottom, "threshold");
        // The label goes left of the line unless that would run into the y axis labels.
        bool left = px - area.Left > 110;
        canvas.Text(left ? px - 4 : px + 4, area.Top + 12, $"threshold {DisplayFormat.Number(threshold, 2)}", left ? "marker end" : "marker");
    }
}
