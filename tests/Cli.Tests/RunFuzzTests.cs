using System.Text;
using Dedup.Reliability;

namespace Dedup.Cli.Tests;

/// <summary>
/// Issue 12, fuzzing as tests: `dedup run` on corpora of random and damaged JSONL, gzip, zstd and Parquet
/// shards, through the built program, for a short budget (bench fuzz --target cli runs it for minutes):
/// exit 0 or 2 in time, no stack trace, inputs untouched, every row accounted for. Two fixed corpora make
/// sure that both ways a run ends go through the property, whatever a loaded machine lets the budget reach.
/// </summary>
public sealed class RunFuzzTests : IDisposable
{
    private static readonly byte[] Lines = Encoding.UTF8.GetBytes(string.Concat(
        Enumerable.Range(0, 6).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"the quick brown fox jumps over the lazy dog {i % 2}\"}}\n")) + "not json\n\n");

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void DedupRunEndsCleanlyOnAnyCorpusAndAccountsForEveryRow()
    {
        var tally = new FuzzTally();

        FuzzTargets.Cli.Run(tally, TimeSpan.FromSeconds(16));

        Assert.True(tally.Cases >= 3, $"only {tally.Cases} runs");
    }

    [Fact]
    public void ACorpusWithDuplicatesAndBadLinesPassesThePropertyWithExit0()
    {
        var corpus = new CliCase([Sample(".jsonl", Lines), Sample(".jsonl.gz", JsonlShards.Compress(Lines, ".jsonl.gz", split: true))], Strict: false, RunFolder: true);

        Assert.Equal("exit 0", CliProperty.Check(corpus, folder.Root));
    }

    [Fact]
    public void ACorpusWithATruncatedShardPassesThePropertyWithExit2()
    {
        var corpus = new CliCase([Sample(".jsonl", Lines), Sample(".jsonl.zst", JsonlShards.Compress(Lines, ".jsonl.zst", split: false)[..^4])], Strict: false, RunFolder: false);

        Assert.Equal("exit 2", CliProperty.Check(corpus, folder.Root));
    }

    private static ShardSample Sample(string suffix, byte[] bytes) => new(suffix, bytes, null, "hand-made");
}
