using System.Text.Json;
using Dedup.Engine.Clustering;
using Dedup.Engine.Evaluation;
using Dedup.Engine.Plan;
using Dedup.Engine.Tests.EndToEnd;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Tests.Clustering;

public sealed class KeepPolicyTests
{
    private const string Text = "the quick brown fox jumps over the lazy dog while the cat sleeps in the warm afternoon sun";

    [Theory]
    [InlineData("first", "a")]
    [InlineData("longest", "b")]
    [InlineData("newest:ts", "c")]
    [InlineData("max:score", "a")]
    [InlineData("max:missing", "a")]
    public void KeepsTheHighestRankedMemberTiesToTheFirst(string policy, string expectedKept)
    {
        using var temp = new TempFolder();
        // a, b and c are one cluster (c differs only in case; b adds one word, Jaccard 0.87 >= 0.8).
        string[] lines =
        [
            Line("a", Text, ts: "2024-01-05T10:00:00Z", score: 9),
            Line("b", Text + " today", ts: "2023-12-31", score: 3),
            Line("c", Text.ToUpperInvariant(), ts: "2024-03-01", score: 9),
            Line("d", "an unrelated document about something else entirely and at some length", ts: "2030-01-01", score: 100),
        ];
        temp.Write("in/s.jsonl", string.Join("", lines));
        var report = DedupRun.Execute(
            new DedupOptions { Inputs = [temp.PathOf("in")], Output = temp.PathOf("out"), Device = DeviceKind.Cpu, Keep = KeepPolicy.Parse(policy) },
            new CollectingLog());

        var cluster = Assert.Single(ClustersFile.Read(temp.PathOf("out")));
        Assert.Equal(["a", "b", "c"], cluster.Members);
        Assert.Equal(expectedKept, cluster.Kept);
        Assert.Equal(policy, report.Parameters.Keep);
    }

    [Theory]
    [InlineData("last")]
    [InlineData("newest")]
    [InlineData("max:")]
    [InlineData("longest:x")]
    public void RejectsUnknownPolicies(string policy)
    {
        Assert.Throws<UsageException>(() => KeepPolicy.Parse(policy));
    }

    [Fact]
    public void NewestReadsNumbersAndDatesAndRanksMissingValuesLowest()
    {
        var newest = KeepPolicy.Parse("newest:t");
        Assert.True(newest.Rank(0, "2024-01-02") > newest.Rank(0, "2024-01-01T23:59:59Z"));
        Assert.Equal(1_700_000_000, newest.Rank(0, "1700000000"));
        Assert.Equal(double.NegativeInfinity, newest.Rank(0, null));
        Assert.Equal(double.NegativeInfinity, newest.Rank(0, "yesterday-ish"));
        Assert.Equal(double.NegativeInfinity, KeepPolicy.Parse("max:s").Rank(0, "2024-01-02"));
    }

    private static string Line(string id, string text, string ts, int score) =>
        JsonSerializer.Serialize(new { id, text, ts, score }) + "\n";
}
