using Dedup.Engine.Lsh;

namespace Dedup.Engine.Reporting.Html;

/// <summary>The LSH S-curve of the run's bands x rows: the chance that a pair becomes a candidate, by its similarity.</summary>
internal static class SCurvePlot
{
    private const string Title = "Chance of becoming a candidate pair (LSH S-curve)";
    private const int Points = 200;

    public static Plot Render(int bands, int rows, double threshold)
    {
        var layout = new BandLayout(bands, rows);
        var canvas = new SvgCanvas(560, 320, Title);
        var area = PlotArea.Inside(canvas);
        var x = new LinearScale(0, 1, area.Left, area.Right);
        var y = new LinearScale(0, 1, area.Bottom, area.Top);
        PlotFrame.Draw(canvas, area, x, x.Ticks(), y, "Jaccard similarity s of a pair", "P(candidate)");

        double atThreshold = layout.CandidateProbability(threshold);
        canvas.Line(area.Left, y.Map(atThreshold), x.Map(threshold), y.Map(atThreshold), "guide");
        canvas.Polyline(
            Enumerable.Range(0, Points + 1).Select(i => (double)i / Points).Select(s => (x.Map(s), y.Map(layout.CandidateProbability(s)))),
            "curve");
        ThresholdMarker.Draw(canvas, area, x, threshold);
        canvas.Text(area.Left + 8, y.Map(atThreshold) - 6, $"{DisplayFormat.Number(atThreshold, 3)} at the threshold", "marker");
        canvas.Text(area.Left + 8, area.Top + 12, $"{layout.Bands} bands × {layout.Rows} rows", "legend");

        // Where the curve crosses 1/2: 1 - (1 - s^r)^b = 1/2 solved for s.
        double half = Math.Pow(1 - Math.Pow(0.5, 1.0 / bands), 1.0 / rows);
        string note = $"1 − (1 − s^{rows})^{bands}: a pair at the threshold {DisplayFormat.Number(threshold, 2)} is found with probability "
            + $"{DisplayFormat.Number(atThreshold, 3)}; the curve crosses 0.5 at s = {DisplayFormat.Number(half, 3)}.";
        return new Plot(Title, canvas.ToString(), note);
    }
}
