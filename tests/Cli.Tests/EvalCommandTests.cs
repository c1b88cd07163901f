using System.Text.Json;

namespace Dedup.Cli.Tests;

/// <summary><c>dedup eval</c> as a user runs it: after <c>dedup run</c>, against each kind of truth.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private const string Fox = "the quick brown fox jumps over the lazy dog while the cat sleeps in the warm sun";
    private const string Lsh = "locality sensitive hashing bands each signature so that similar documents collide in one band";
    private readonly TempFolder temp = new();

    public EvalCommandTests()
    {
        temp.Write("in/a.jsonl", BadInputTests.Line("a", Fox) + BadInputTests.Line("b", Lsh) + BadInputTests.Line("c", "something else entirely different here"));
        temp.Write("in/b.jsonl", BadInputTests.Line("d", Fox.ToUpperInvariant()) + BadInputTests.Line("e", "locality sensitive hashing is one family of hash functions among many"));
        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"));
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void FamiliesTruthPrintsTheTablesAndWritesEveryNumberToJson()
    {
        // Truth: a = d (found), b = e (they share three words: missed).
        string truth = temp.Write("truth.jsonl", "{\"id\":\"a\",\"family\":\"x\"}\n{\"id\":\"d\",\"family\":\"x\"}\n{\"id\":\"b\",\"family\":\"y\"}\n{\"id\":\"e\",\"family\":\"y\"}\n");
        var r = CliRunner.Run("eval", temp.PathOf("out"), "--truth", truth, "--json", temp.PathOf("eval.json"));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Matches(@"pairs\s+1\s+2\s+1\s+1\.0000\s+0\.5000\s+0\.6667", r.Stdout);
        Assert.Contains("1.00", r.Stdout);

        using var json = JsonDocument.Parse(File.ReadAllText(temp.PathOf("eval.json")));
        var root = json.RootElement;
        Assert.Equal(0.5, root.GetProperty("pairs").GetProperty("recall").GetDouble());
        Assert.Equal(1, root.GetProperty("documents").GetProperty("correct").GetInt64());
        Assert.Equal(2, root.GetProperty("buckets").GetArrayLength());
        Assert.Equal(18, root.GetProperty("run").GetProperty("bands").GetInt32());
    }

    [Fact]
    public void PairsTruthAndExactJaccardWithASample()
    {
        string pairs = temp.Write("pairs.jsonl", "{\"a\":\"d\",\"b\":\"a\"}\n");
        var r = CliRunner.Run("eval", temp.PathOf("out"), "--truth", pairs, "--truth-kind", "pairs");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Matches(@"pairs\s+1\s+1\s+1\s+1\.0000\s+1\.0000\s+1\.0000", r.Stdout);

        r = CliRunner.Run("eval", temp.PathOf("out"), "--exact-jaccard", "--sample", "100");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("random sample of 100 documents: 5 documents scored", r.Stdout);
        Assert.Contains("not scored on a sample", r.Stdout);
    }

    [Theory]
    [InlineData("no truth", "give the ground truth")]
    [InlineData("both", "exclude each other")]
    [InlineData("sample without exact", "--sample goes with --exact-jaccard")]
    public void ContradictoryOrMissingTruthIsAUsageError(string what, string message)
    {
        string[] extra = what switch
        {
            "both" => ["--truth", "t.jsonl", "--exact-jaccard"],
            "sample without exact" => ["--truth", "t.jsonl", "--sample", "10"],
            _ => [],
        };
        var r = CliRunner.Run(["eval", temp.PathOf("out"), .. extra]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(message, r.Stderr);
    }

    [Fact]
    public void AFolderThatIsNoRunFailsNamingReportJson()
    {
        var r = CliRunner.Run("eval", temp.PathOf("in"), "--exact-jaccard");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("report.json", r.Stderr);
    }

    [Fact]
    public void HelpNamesEveryKindOfTruth()
    {
        var r = CliRunner.Run("eval", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--truth-kind", r.Stdout);
        Assert.Contains("--exact-jaccard", r.Stdout);
        Assert.Contains("--sample", r.Stdout);
    }
}
