namespace Dedup.Engine.Reporting.Html;

/// <summary>Histogram of each removed document's estimated similarity to the document its cluster kept.</summary>
internal static class SimilarityPlot
{
    private const string Title = "Similarity of removed documents to their kept document";
    private const int MostBins = 40;

    /// <summary>A log count axis once the tallest bin dwarfs the shortest (exact duplicates pile up at 1.0).</summary>
    private const int LogAxisRatio = 10;

    public static Plot Render(IReadOnlyList<double> similarities, double threshold, int permutations)
    {
        var canvas = new SvgCanvas(560, 320, Title);
        if (similarities.Count == 0)
        {
            PlotFrame.Empty(canvas, "No removed documents.");
            return new Plot(Title, canvas.ToString(), "No documents were removed.");
        }

        // MinHash estimates are multiples of 1/permutations; bins of a whole number of such steps
        // hold equally many possible values, so the histogram has no comb pattern. Bins are
        // counted down from 1.0, so that the top bin ends at 1.0 (identical signatures) rather
        // than straddling it.
        var steps = similarities.Select(s => (int)Math.Round(s * permutations)).ToArray();
        int lowest = Math.Min(steps.Min(), (int)Math.Floor(threshold * permutations));
        int width = Math.Max(1, (int)Math.Ceiling((permutations - lowest + 1) / (double)MostBins));
        int binCount = ((permutations - lowest) / width) + 1;
        var counts = new long[binCount];
        foreach (int step in steps)
        {
            counts[Math.Clamp((permutations - step) / width, 0, binCount - 1)]++;
        }

        var area = PlotArea.Inside(canvas);
        double BinEdge(int bin) => (permutations - (bin * width)) / (double)permutations;
        var x = new LinearScale(BinEdge(binCount), 1, area.Left, area.Right);
        long smallest = counts.Where(c => c > 0).Min();
        bool logAxis = counts.Max() > LogAxisRatio * smallest;
        IScale y = logAxis ? new CountLogScale(counts.Max(), area.Bottom, area.Top) : new LinearScale(0, counts.Max(), area.Bottom, area.Top);
        PlotFrame.Draw(canvas, area, x, x.Ticks(), y, "Estimated Jaccard similarity to the kept document", logAxis ? "Removed documents (log scale)" : "Removed documents");
        // Left to right, lowest similarity first, so that the markup reads in the order the plot does.
        for (int bin = binCount - 1; bin >= 0; bin--)
        {
            if (counts[bin] > 0)
            {
                double left = x.Map(BinEdge(bin + 1)) + 0.5;
                double top = y.Map(counts[bin]);
                canvas.Rect(left, top, Math.Max(1, x.Map(BinEdge(bin)) - left - 0.5), area.Bottom - top, "bar",
                    $"similarity {DisplayFormat.Number(BinEdge(bin + 1), 3)}–{DisplayFormat.Number(BinEdge(bin), 3)}: {DisplayFormat.Count(counts[bin], "removed document")}");
            }
        }

        ThresholdMarker.Draw(canvas, area, x, threshold);
        int below = similarities.Count(s => s < threshold);
        string note = $"{DisplayFormat.Count(similarities.Count)} removed documents, MinHash estimate over {permutations} permutations; "
            + $"{DisplayFormat.Count(steps.Count(s => s == permutations))} identical in signature, "
            + $"{DisplayFormat.Count(below)} below the threshold (joined to their cluster through other members).";
        return new Plot(Title, canvas.ToString(), note);
    }
}
