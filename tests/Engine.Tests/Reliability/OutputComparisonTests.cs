using Dedup.Reliability;

namespace Dedup.Engine.Tests.Reliability;

/// <summary>What bench kill and SameOutputs count as the same outputs, and what not.</summary>
public sealed class OutputComparisonTests : IDisposable
{
    private const string Report = """{"version":"1.0.0+a","documents":{"records":3,"removed":1},"stage_seconds":{"total":0.7},"peak_memory_bytes":{"filter":100}}""";

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void RunsThatDifferInTimingsMemoryAndVersionOnlyAreTheSame()
    {
        string expected = Output("a", Report, "shard");
        string actual = Output("b", """{"version":"1.0.0+b","documents":{"records":3,"removed":1},"stage_seconds":{"total":9.1},"peak_memory_bytes":{"filter":999}}""", "shard");

        Assert.Empty(OutputComparison.Differences(expected, actual, reports: true));
    }

    [Fact]
    public void AChangedShardByteAChangedCountAndAMissingFileAreDifferences()
    {
        string expected = Output("a", Report, "shard");

        Assert.Equal(["removed/a.jsonl.removed.jsonl differs between " + expected + " and " + folder.PathOf("b")], OutputComparison.Differences(expected, Output("b", Report, "shard", removed: "other")));
        Assert.Single(OutputComparison.Differences(expected, Output("c", Report.Replace("\"removed\":1", "\"removed\":2"), "shard"), reports: true));
        Assert.Empty(OutputComparison.Differences(expected, Output("d", Report.Replace("\"removed\":1", "\"removed\":2"), "shard")));
        string missing = Output("e", Report, "shard");
        File.Delete(Path.Combine(missing, "a.jsonl"));
        Assert.Equal(["missing a.jsonl"], OutputComparison.Differences(expected, missing));
    }

    private string Output(string name, string report, string shard, string removed = "row 1")
    {
        folder.Write($"{name}/a.jsonl", shard);
        folder.Write($"{name}/removed/a.jsonl.removed.jsonl", removed);
        folder.Write($"{name}/report.json", report);
        folder.Write($"{name}/report.html", $"<p>{name}</p>");
        return folder.PathOf(name);
    }
}
