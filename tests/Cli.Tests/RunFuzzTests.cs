using Dedup.Reliability;

namespace Dedup.Cli.Tests;

/// <summary>
/// Issue 12, fuzzing as tests: `dedup run` on corpora of random and damaged JSONL, gzip, zstd and Parquet
/// shards, through the built program, for a short budget (bench fuzz --target cli runs it for minutes):
/// exit 0 or 2 in time, no stack trace, inputs untouched, every row accounted for.
/// </summary>
public sealed class RunFuzzTests
{
    [Fact]
    public void DedupRunEndsCleanlyOnAnyCorpusAndAccountsForEveryRow()
    {
        var tally = new FuzzTally();

        FuzzTargets.Cli.Run(tally, TimeSpan.FromSeconds(16));

        Assert.True(tally.Cases >= 10, $"only {tally.Cases} runs");
        Assert.True(tally.Ended("exit 0") > 0 && tally.Ended("exit 2") > 0, string.Join("; ", tally.Counts.Select(c => $"{c.Kind} {c.Outcome}: {c.Cases}")));
    }
}
