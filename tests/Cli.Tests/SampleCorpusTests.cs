using System.Text.Json;

namespace Dedup.Cli.Tests;

/// <summary>
/// The README's worked example: the sample corpus run at the defaults, then scored by
/// <c>dedup eval</c> against samples/corpus-truth.jsonl, gives what the README says it gives.
/// </summary>
public sealed class SampleCorpusTests : IDisposable
{
    private static readonly string Truth = Path.Combine(TestPaths.RepositoryRoot, "samples", "corpus-truth.jsonl");
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void AtTheDefaultsEveryRemovalIsATrueDuplicateAndTheReadmesCountIsRight()
    {
        var documents = RunAndScore("defaults");

        Assert.Equal(72, documents.GetProperty("to_remove").GetInt32());
        Assert.Equal(69, documents.GetProperty("removed").GetInt32());
        Assert.Equal(1.0, documents.GetProperty("precision").GetDouble());
    }

    [Fact]
    public void DatasketchsBandingWithEstimatesMissesWhatTheDefaultsFind()
    {
        var documents = RunAndScore("datasketch", "--bands", "9", "--rows", "13", "--verify", "estimate");

        Assert.Equal(58, documents.GetProperty("removed").GetInt32());
        Assert.Equal(1.0, documents.GetProperty("precision").GetDouble());
    }

    [Fact]
    public void AtThresholdSevenTenthsTheRunIsPerfect()
    {
        var documents = RunAndScore("perfect", "--threshold", "0.7");

        Assert.Equal(72, documents.GetProperty("removed").GetInt32());
        Assert.Equal(72, documents.GetProperty("correct").GetInt32());
    }

    /// <summary>The "documents" scores of <c>dedup eval</c> on a run of the sample corpus with these options.</summary>
    private JsonElement RunAndScore(string name, params string[] options)
    {
        string output = Path.Combine(temp.Root, name);
        var run = CliRunner.Run(["run", TestPaths.SamplesCorpus, "-o", output, "-q", .. options]);
        Assert.True(run.ExitCode == 0, run.ToString());

        string json = Path.Combine(temp.Root, name + ".eval.json");
        var eval = CliRunner.Run("eval", output, "--truth", Truth, "--json", json);
        Assert.True(eval.ExitCode == 0, eval.ToString());
        using var scores = JsonDocument.Parse(File.ReadAllText(json));
        return scores.RootElement.GetProperty("documents").Clone();
    }
}
