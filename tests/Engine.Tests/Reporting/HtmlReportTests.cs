using System.Globalization;
using System.Text.RegularExpressions;
using Dedup.Engine.Lsh;
using Dedup.Engine.Reporting.Html;

namespace Dedup.Engine.Tests.Reporting;

public sealed class HtmlReportTests
{
    private static readonly string[] PlotTitles =
    [
        "Cluster size distribution",
        "Similarity of removed documents to their kept document",
        "Chance of becoming a candidate pair (LSH S-curve)",
        "Time and throughput per stage",
        "Removal rate per shard",
    ];

    private readonly HtmlReportData data = SampleReports.Create(SampleReports.ShardNames(6));

    [Fact]
    public void PageIsWellFormedWithOneSvgPerPlot()
    {
        var page = new ReportPage(data);
        Assert.Equal("html", page.Document.Root!.Name.LocalName);
        Assert.Equal(PlotTitles.Length, page.Plots.Count);
        Assert.StartsWith("<!DOCTYPE html>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPlotHasItsTitle()
    {
        var page = new ReportPage(data);
        var headings = page.Document.Descendants("h2").Select(h => h.Value).ToList();
        foreach (string title in PlotTitles)
        {
            Assert.Contains(headings, h => h.StartsWith(title, StringComparison.Ordinal));
            Assert.NotNull(page.Plot(title));
        }
    }

    [Fact]
    public void HostileShardNameIsEscapedEverywhere()
    {
        var page = new ReportPage(data);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;.jsonl", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Document.Descendants(), e => e.Name.LocalName == "script");
        // Escaped, not dropped: the name reads as itself on the bar's label and tooltip, and in the problem table.
        var shards = page.Plot("Removal rate per shard");
        Assert.Contains(SampleReports.HostileShard, ReportPage.Texts(shards));
        Assert.Contains(ReportPage.BarTooltips(shards), t => t.StartsWith(SampleReports.HostileShard + ":", StringComparison.Ordinal));
        Assert.Contains(page.Document.Descendants("td"), td => td.Value == SampleReports.HostileShard);
    }

    [Fact]
    public void PageFetchesNothing()
    {
        var page = new ReportPage(data);
        foreach (string reference in new[] { "<script", "<link", "<img", "src=", "url(", "@import", "https:" })
        {
            Assert.DoesNotContain(reference, page.Html, StringComparison.OrdinalIgnoreCase);
        }

        // The only http: is the SVG namespace, which is a name, never fetched.
        Assert.Equal(page.Plots.Count, Regex.Matches(page.Html, "http:").Count);
    }

    [Fact]
    public void HeadlineNumbersMatchTheReport()
    {
        var page = new ReportPage(data);
        var d = data.Report.Documents;
        Assert.Equal(N(d.Records), page.Stat("Records read"));
        Assert.Equal(N(d.Removed), page.Stat("Removed"));
        Assert.Equal(N(d.Kept), page.Stat("Kept"));
        Assert.Equal(N(data.ClusterSizes.Length), page.Stat("Clusters"));
        Assert.StartsWith(((double)d.Removed / d.Records * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %", page.StatNote("Removed"), StringComparison.Ordinal);
        Assert.Equal("3.30 s", page.Stat("Run time"));
        Assert.Contains(page.Document.Descendants("tr"), tr => tr.Value == "Bands × rows9 × 13");
        Assert.Contains(page.Document.Descendants("tr"), tr => tr.Value == "skipped: invalid_json4");
    }

    [Fact]
    public void ClusterSizeBarsCountEveryClusterAndDocument()
    {
        var tooltips = ReportPage.BarTooltips(new ReportPage(data).Plot("Cluster size distribution"));
        var bars = Numbers(tooltips, @": ([\d,]+) clusters?, ([\d,]+) documents");
        Assert.Equal(data.ClusterSizes.Length, bars.Sum(b => b[0]));
        Assert.Equal(data.ClusterSizes.Sum(), bars.Sum(b => b[1]));
        Assert.Equal($"size 2: {N(data.ClusterSizes.Count(s => s == 2))} clusters, {N(2 * data.ClusterSizes.Count(s => s == 2))} documents", tooltips[0]);
        Assert.Equal("size 21–50: 1 cluster, 37 documents", tooltips[^1]);
    }

    [Fact]
    public void SimilarityBarsCountEveryRemovedDocument()
    {
        var tooltips = ReportPage.BarTooltips(new ReportPage(data).Plot("Similarity of removed documents"));
        var bars = Numbers(tooltips, @": ([\d,]+) removed documents?");
        Assert.Equal(data.RemovedSimilarities.Length, bars.Sum(b => b[0]));
        int identical = data.RemovedSimilarities.Count(s => s == 1);
        Assert.Equal($"similarity 0.992–1.000: {N(identical)} removed documents", tooltips[^1]);
    }

    [Fact]
    public void ShardBarsShowEachShardsRemovalRate()
    {
        var plot = new ReportPage(data).Plot("Removal rate per shard");
        var tooltips = ReportPage.BarTooltips(plot);
        var texts = ReportPage.Texts(plot);
        foreach (var shard in data.Report.Inputs.Shards)
        {
            string rate = ((double)shard.Removed / shard.Records * 100).ToString("0.0", CultureInfo.InvariantCulture);
            Assert.Contains($"{shard.Path}: removed {N(shard.Removed)} of {N(shard.Records)} records", tooltips);
            Assert.Contains($"{rate} % ({N(shard.Removed)} of {N(shard.Records)})", texts);
        }
    }

    [Fact]
    public void ManyShardsShowTheHighestAndLowestRates()
    {
        var many = SampleReports.Create(SampleReports.ShardNames(100));
        var plot = new ReportPage(many).Plot("Removal rate per shard (12 highest and 12 lowest of 100)");
        var ranked = many.Report.Inputs.Shards.OrderByDescending(s => (double)s.Removed / s.Records).ToList();
        var tooltips = ReportPage.BarTooltips(plot);
        Assert.Equal(24, tooltips.Count);
        Assert.StartsWith(ranked[0].Path + ":", tooltips[0], StringComparison.Ordinal);
        Assert.StartsWith(ranked[^1].Path + ":", tooltips[^1], StringComparison.Ordinal);
        Assert.Contains("⋯ 76 more shards ⋯", ReportPage.Texts(plot));
    }

    [Fact]
    public void SCurveIsTheBandLayoutsWithTheThresholdMarked()
    {
        var plot = new ReportPage(data).Plot("Chance of becoming a candidate pair");
        double atThreshold = new BandLayout(9, 13).CandidateProbability(SampleReports.Threshold);
        var texts = ReportPage.Texts(plot);
        Assert.Contains("9 bands × 13 rows", texts);
        Assert.Contains("threshold 0.80", texts);
        Assert.Contains($"{atThreshold.ToString("0.000", CultureInfo.InvariantCulture)} at the threshold", texts);
        // The curve climbs from 0 to 1: its last point is higher (smaller y) than its first.
        var points = plot.Descendants().Single(e => e.Name.LocalName == "polyline").Attribute("points")!.Value.Split(' ');
        Assert.Equal(201, points.Length);
        Assert.True(Y(points[^1]) < Y(points[0]));
    }

    [Fact]
    public void StageBarsShowSecondsAndThroughput()
    {
        var plot = new ReportPage(data).Plot("Time and throughput per stage");
        var tooltips = ReportPage.BarTooltips(plot);
        long text = data.Report.TextBytes.Read;
        foreach (var (stage, seconds) in data.Report.StageSeconds.Where(kv => kv.Key != "total"))
        {
            string throughput = (text / 1e6 / seconds).ToString("N1", CultureInfo.InvariantCulture);
            Assert.Contains($"{stage}: {seconds.ToString("N3", CultureInfo.InvariantCulture)} s, {throughput} MB/s of text", tooltips);
        }

        Assert.DoesNotContain(tooltips, t => t.StartsWith("total", StringComparison.Ordinal));
    }

    [Fact]
    public void SweepTableListsEachThreshold()
    {
        var page = new ReportPage(data);
        var rows = page.Document.Descendants("tr").Select(tr => tr.Elements("td").Select(td => td.Value).ToList()).Where(r => r.Count == 5).ToList();
        Assert.Equal(data.Report.Sweep.Count, rows.Count);
        var run = rows.Single(r => r[0] == "0.80 (this run)");
        Assert.Equal([N(data.ClusterSizes.Length), N(data.RemovedSimilarities.Length)], run.Skip(1).Take(2));
        Assert.Equal(["0.70", "0.80 (this run)", "0.90"], rows.Select(r => r[0]));
    }

    [Fact]
    public void RunWithoutDuplicatesStillRenders()
    {
        var empty = SampleReports.Create(["only.jsonl"]) with { ClusterSizes = [], RemovedSimilarities = [] };
        var page = new ReportPage(empty);
        Assert.Equal(PlotTitles.Length, page.Plots.Count);
        Assert.Contains("No clusters: nothing was removed.", ReportPage.Texts(page.Plot("Cluster size distribution")));
        Assert.Contains("No removed documents.", ReportPage.Texts(page.Plot("Similarity of removed documents")));
    }

    [Fact]
    public void RunWithoutShardsOrTimingsStillRenders()
    {
        var report = data.Report with { Inputs = data.Report.Inputs with { Shards = [] }, StageSeconds = new Dictionary<string, double>() };
        var page = new ReportPage(data with { Report = report });
        Assert.Contains("No shards were read.", ReportPage.Texts(page.Plot("Removal rate per shard")));
        Assert.Contains("No stage timings in this report.", ReportPage.Texts(page.Plot("Time and throughput per stage")));
        Assert.Equal("–", page.Stat("Run time"));
    }

    [Fact]
    public void WriteCreatesAUtf8FileWithoutBom()
    {
        using var temp = new TempFolder();
        string path = temp.PathOf("report.html");
        using (var file = File.Create(path))
        {
            HtmlReport.Write(file, data);
        }

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'<', bytes[0]);
        Assert.Equal(HtmlReport.Render(data), File.ReadAllText(path));
    }

    /// <summary>The numbers each tooltip holds, by the pattern's groups; every tooltip must match.</summary>
    private static List<long[]> Numbers(IEnumerable<string> tooltips, string pattern) =>
        tooltips.Select(t =>
            {
                var match = Regex.Match(t, pattern);
                Assert.True(match.Success, $"'{t}' does not match {pattern}");
                return match;
            })
            .Select(m => m.Groups.Values.Skip(1).Select(g => long.Parse(g.Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToArray())
            .ToList();

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static double Y(string point) => double.Parse(point.Split(',')[1], CultureInfo.InvariantCulture);
}
