namespace Dedup.Engine.Reporting.Html;

/// <summary>
/// Bars side by side with their labels, for named things (shards, stages): labels read better
/// left of horizontal bars than slanted under vertical ones. The value axis runs along the top.
/// </summary>
internal static class HorizontalBarChart
{
    private const int RowHeight = 22;
    private const int AxisHeight = 28;

    /// <summary>Rough widths of a character of a label and of a value, to size their columns without measuring text.</summary>
    private const double LabelCharWidth = 6.8;
    private const double ValueCharWidth = 6.2;

    /// <summary>Longest label shown; longer ones keep their end, which for paths is the file name.</summary>
    private const int LabelChars = 38;

    public static string Render(string title, int width, IReadOnlyList<BarRow> rows, string unit, string barClass, string emptyMessage)
    {
        if (!rows.Any(r => r.Value.HasValue))
        {
            var empty = new SvgCanvas(width, 100, title);
            PlotFrame.Empty(empty, emptyMessage);
            return empty.ToString();
        }

        var canvas = new SvgCanvas(width, AxisHeight + (rows.Count * RowHeight) + 8, title);
        double left = 16 + (LabelCharWidth * rows.Where(r => r.Value.HasValue).Max(r => Shorten(r.Label).Length));
        double right = width - 12 - (ValueCharWidth * rows.Max(r => r.ValueText.Length));
        double max = rows.Max(r => r.Value ?? 0);
        var x = new LinearScale(0, max > 0 ? max : 1, left, right);
        double bottom = AxisHeight + (rows.Count * RowHeight);
        foreach (var tick in x.Ticks())
        {
            double px = x.Map(tick.Value);
            canvas.Line(px, AxisHeight - 4, px, bottom, "grid");
            canvas.Text(px, AxisHeight - 10, $"{tick.Label} {unit}", "tick middle");
        }

        canvas.Line(left, AxisHeight - 4, left, bottom, "axis");
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            double top = AxisHeight + (i * RowHeight);
            double baseline = top + (RowHeight / 2.0) + 4;
            if (row.Value is not double value)
            {
                canvas.Text((left + right) / 2, baseline, row.Label, "gap middle");
                continue;
            }

            canvas.Text(left - 8, baseline, Shorten(row.Label), "label end");
            double end = x.Map(value);
            canvas.Rect(left, top + 4, Math.Max(end - left, value > 0 ? 1 : 0), RowHeight - 8, barClass, row.Tooltip);
            canvas.Text(end + 6, baseline, row.ValueText, "value");
        }

        return canvas.ToString();
    }

    private static string Shorten(string label) => label.Length <= LabelChars ? label : "…" + label[^(LabelChars - 1)..];
}
