using System.Text.Json;

namespace Dedup.Cli.Tests;

/// <summary>
/// Ids are compared as the strings they print as: the number 1 and the string "1" are one id. A run
/// counts the documents whose id repeats an earlier one's, across signature tasks, warns, and lists
/// examples in report.json, because clusters.jsonl and removed/ cannot tell them apart. Before, they
/// collided silently, and only eval and inspect later refused the run.
/// </summary>
public sealed class RepeatedIdTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void IdsThatPrintAlikeAreCountedWarnedAboutAndListedAcrossTasks()
    {
        temp.Write("in/a.jsonl", System.Text.Encoding.UTF8.GetBytes(
            "{\"id\":1,\"text\":\"alpha beta gamma delta epsilon zeta eta theta\"}\n{\"id\":\"x\",\"text\":\"one two three four five six seven\"}\n"));
        temp.Write("in/b.jsonl", System.Text.Encoding.UTF8.GetBytes(
            "{\"id\":\"1\",\"text\":\"a different document with its own words\"}\n{\"id\":\"y\",\"text\":\"and one more document here\"}\n{\"id\":\"x\",\"text\":\"x again\"}\n"));
        string output = temp.PathOf("out");

        var run = CliRunner.Run("run", temp.PathOf("in"), "-o", output, "--tasks", "2", "--partitions", "3", "-q");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("dedup: warning: 2 documents have the id of an earlier document (e.g. '", run.Stderr);
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "report.json")));
        var repeated = report.RootElement.GetProperty("repeated_ids");
        Assert.Equal(2, repeated.GetProperty("documents").GetInt64());
        var examples = repeated.GetProperty("examples").EnumerateArray()
            .Select(e => $"{e.GetProperty("id").GetString()} {e.GetProperty("first_file").GetString()}:{e.GetProperty("first_row").GetInt64()} {e.GetProperty("again_file").GetString()}:{e.GetProperty("again_row").GetInt64()}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["1 a.jsonl:0 b.jsonl:0", "x a.jsonl:1 b.jsonl:2"], examples);

        var eval = CliRunner.Run("eval", output, "--exact-jaccard");
        Assert.Equal(2, eval.ExitCode);
        Assert.Contains("occurs twice in the run's inputs (report.json's repeated_ids counts 2 such documents)", eval.Stderr);
    }

    [Fact]
    public void UniqueIdsGiveNoWarning()
    {
        temp.Write("in/a.jsonl", System.Text.Encoding.UTF8.GetBytes("{\"id\":1,\"text\":\"alpha beta\"}\n{\"id\":2,\"text\":\"alpha beta\"}\n"));
        string output = temp.PathOf("out");

        var run = CliRunner.Run("run", temp.PathOf("in"), "-o", output, "-q");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("warning", run.Stderr);
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "report.json")));
        Assert.Equal(0, report.RootElement.GetProperty("repeated_ids").GetProperty("documents").GetInt64());
    }
}
