namespace Dedup.Engine.Reporting.Html;

/// <summary>How many clusters there are of each size, sizes binned 2, 3, 4, 5, 6–10, 11–20, 21–50...</summary>
internal static class ClusterSizePlot
{
    private const string Title = "Cluster size distribution";

    public static Plot Render(IReadOnlyList<int> sizes)
    {
        var canvas = new SvgCanvas(560, 320, Title);
        if (sizes.Count == 0)
        {
            PlotFrame.Empty(canvas, "No clusters: nothing was removed.");
            return new Plot(Title, canvas.ToString(), "No duplicates were found.");
        }

        var bins = Bins(sizes.Max());
        var clusters = new long[bins.Count];
        var documents = new long[bins.Count];
        foreach (int size in sizes)
        {
            int bin = bins.FindLastIndex(b => b.Lowest <= size);
            clusters[bin]++;
            documents[bin] += size;
        }

        var area = PlotArea.Inside(canvas);
        var x = new LinearScale(0, bins.Count, area.Left, area.Right);
        var y = new CountLogScale(clusters.Max(), area.Bottom, area.Top);
        var xTicks = bins.Select((b, i) => new Tick(i + 0.5, b.Label)).ToList();
        PlotFrame.Draw(canvas, area, x, xTicks, y, "Documents in the cluster", "Clusters (log scale)");
        for (int i = 0; i < bins.Count; i++)
        {
            if (clusters[i] == 0)
            {
                continue;
            }

            double top = y.Map(clusters[i]);
            double left = x.Map(i + 0.15);
            canvas.Rect(left, top, x.Map(i + 0.85) - left, area.Bottom - top, "bar",
                $"size {bins[i].Label}: {DisplayFormat.Count(clusters[i], "cluster")}, {DisplayFormat.Count(documents[i], "document")}");
            canvas.Text(x.Map(i + 0.5), top - 4, DisplayFormat.Count(clusters[i]), "value middle");
        }

        string note = $"{DisplayFormat.Count(sizes.Count)} clusters of two or more documents; the largest has {DisplayFormat.Count(sizes.Max())}. Each cluster keeps one document.";
        return new Plot(Title, canvas.ToString(), note);
    }

    /// <summary>Sizes 2 to 5 one by one, then bins that end at 10, 20, 50, 100, 200, 500...: small clusters are common, large ones rare.</summary>
    private static List<(int Lowest, string Label)> Bins(int largest)
    {
        var bins = new List<(int Lowest, string Label)>();
        for (int size = 2; size <= Math.Min(5, largest); size++)
        {
            bins.Add((size, size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        int[] mantissas = [1, 2, 5];
        for (long lowest = 6, step = 0; lowest <= largest; step++)
        {
            long highest = mantissas[step % 3] * (long)Math.Pow(10, 1 + (step / 3));
            bins.Add(((int)lowest, $"{lowest}–{highest}"));
            lowest = highest + 1;
        }

        return bins;
    }
}
