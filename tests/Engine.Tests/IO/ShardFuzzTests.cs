using Dedup.Reliability;

namespace Dedup.Engine.Tests.IO;

/// <summary>
/// Issue 12, fuzzing as tests: random and damaged JSONL (plain, gzip, zstd) and Parquet shards through the
/// readers and the filter, for a few seconds each (bench fuzz runs the same targets for minutes). A failure
/// names CsCheck's seed and the command that replays it.
/// </summary>
public sealed class ShardFuzzTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(8);

    [Fact]
    public void ReadersEndInTimeVisitEveryRowOnceAndLeaveTheFileAsItWas()
    {
        var tally = new FuzzTally();

        FuzzTargets.Readers.Run(tally, Budget);

        // The budget must have reached both sides: shards read to their end, and damaged ones refused.
        Assert.True(tally.Cases >= 100, $"only {tally.Cases} cases ran");
        Assert.True(tally.Ended("read to the end") > 0 && tally.Ended(nameof(Dedup.Engine.IO.ShardReadException)) > 0, Describe(tally));
    }

    [Fact]
    public void TheFilterWritesExactlyTheKeptRowsOrFailsLeavingNothing()
    {
        var tally = new FuzzTally();

        FuzzTargets.Filter.Run(tally, Budget);

        Assert.True(tally.Cases >= 100, $"only {tally.Cases} cases ran");
        Assert.True(tally.Ended("copied") > 0 && tally.Ended(nameof(Dedup.Engine.IO.InputException)) > 0 && tally.Ended(nameof(Dedup.Engine.IO.ShardReadException)) > 0, Describe(tally));
    }

    private static string Describe(FuzzTally tally) => string.Join("; ", tally.Counts.Select(c => $"{c.Kind} {c.Outcome}: {c.Cases}"));
}
