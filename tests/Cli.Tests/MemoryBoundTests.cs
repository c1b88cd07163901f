using System.Text;
using System.Text.Json;

namespace Dedup.Cli.Tests;

/// <summary>
/// --memory bounds the stages whatever the input's shape. At the smallest budget the runtime itself
/// (about 64-90 MiB measured: JIT, code, native libraries, the garbage collector's young generation) is
/// most of a process, so the limit checked is the budget plus MemoryBudget.RuntimeReserve (96 MiB).
/// Before: a shard of a million short duplicates made the filter list every removed row (252 MiB at 16M),
/// and one 200 MB record was buffered whole several times (1.2 GB in signing, 542 MB in the filter).
/// </summary>
public sealed class MemoryBoundTests : IDisposable
{
    private const long Budget = 16L << 20;
    private const long Limit = Budget + (96L << 20);

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void TheFilterStreamsTheRemovedRowsOfAShardOfAMillionDuplicates()
    {
        string input = temp.PathOf("in/part.jsonl");
        using (var file = new StreamWriter(input))
        {
            for (int i = 0; i < 1_000_000; i++)
            {
                file.Write($"{{\"id\":\"d{i}\",\"text\":\"w{i % 1000} x\"}}\n");
            }
        }

        string runDir = temp.PathOf("run");
        Succeed("plan", Path.GetDirectoryName(input)!, "--run-dir", runDir, "-o", temp.PathOf("out"), "--memory", "16M");
        // One process per stage: each peak is its own, not what an earlier stage left on the heap.
        foreach (string stage in new[] { "signatures", "buckets", "cluster", "filter", "report" })
        {
            Succeed(stage, "--run-dir", runDir, "-q");
        }

        long filterPeak = PeakOf(Path.Combine(runDir, "filter"));
        Assert.True(filterPeak <= Limit, $"the filter peaked at {filterPeak >> 20} MiB, over {Limit >> 20} MiB");
        Assert.Equal(999_000, File.ReadLines(Path.Combine(temp.PathOf("out"), "removed", "part.jsonl.removed.jsonl")).Count());
    }

    [Fact]
    public void ARecordLargerThanTheBudgetIsKeptUnsignedAndNeverHeldWhole()
    {
        string input = temp.PathOf("in/part.jsonl");
        var words = Enumerable.Range(0, 5000).Select(i => $"w{i * 7919 % 100_003}").ToArray();
        var big = new StringBuilder(64 << 20);
        for (int i = 0; big.Length < 64 << 20; i++)
        {
            big.Append(words[(i * 31) % words.Length]).Append(' ');
        }

        File.WriteAllText(input, $"{{\"id\":\"big\",\"text\":\"{big}\"}}\n{{\"id\":\"small\",\"text\":\"a short document of a few words\"}}\n");
        string output = temp.PathOf("out");

        Succeed("run", Path.GetDirectoryName(input)!, "-o", output, "--memory", "16M", "-q");

        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "report.json")));
        var documents = report.RootElement.GetProperty("documents");
        Assert.Equal(1, documents.GetProperty("signed").GetInt64());
        Assert.Equal(1, documents.GetProperty("skipped").GetProperty("too_large").GetInt64());
        var example = report.RootElement.GetProperty("problem_examples")[0];
        Assert.Equal(0, example.GetProperty("row").GetInt64());
        Assert.Contains("the most one record may have at this --memory", example.GetProperty("detail").GetString());
        foreach (var stage in report.RootElement.GetProperty("peak_memory_bytes").EnumerateObject())
        {
            Assert.True(stage.Value.GetInt64() <= Limit, $"{stage.Name} peaked at {stage.Value.GetInt64() >> 20} MiB, over {Limit >> 20} MiB");
        }

        Assert.Equal(File.ReadAllBytes(input), File.ReadAllBytes(Path.Combine(output, "part.jsonl")));
    }

    private static long PeakOf(string stageFolder) =>
        Directory.GetFiles(stageFolder, "done.json", SearchOption.AllDirectories)
            .Max(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.GetProperty("peak_memory_bytes").GetInt64());

    private static void Succeed(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.True(r.ExitCode == 0, r.ToString());
    }
}
