using System.Text;
using Dedup.Reliability;

namespace Dedup.Engine.Tests.IO;

/// <summary>
/// Issue 12, fuzzing as tests: random and damaged JSONL (plain, gzip, zstd) and Parquet shards through the
/// readers and the filter, for a few seconds each (bench fuzz runs the same targets for minutes). A failure
/// names CsCheck's seed and the command that replays it. Fixed shards make sure that every way a case can
/// end goes through the properties, whatever a loaded machine lets the budget reach.
/// </summary>
public sealed class ShardFuzzTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(8);

    private static readonly byte[] Lines = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"text\":\"one\"}\r\n\n{\"text\":17}\n{\"id\":2,\"text\":\"two\"}");

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ReadersEndInTimeVisitEveryRowOnceAndLeaveTheFileAsItWas()
    {
        var tally = new FuzzTally();

        FuzzTargets.Readers.Run(tally, Budget);

        Assert.True(tally.Cases >= 20, $"only {tally.Cases} cases ran");
    }

    [Fact]
    public void TheFilterWritesExactlyTheKeptRowsOrFailsLeavingNothing()
    {
        var tally = new FuzzTally();

        FuzzTargets.Filter.Run(tally, Budget);

        Assert.True(tally.Cases >= 20, $"only {tally.Cases} cases ran");
    }

    [Theory]
    [InlineData(".jsonl", false, "read to the end")]
    [InlineData(".jsonl.gz", false, "read to the end")]
    [InlineData(".jsonl.gz", true, "ShardReadException")]
    [InlineData(".jsonl.zst", true, "ShardReadException")]
    public void AFixedShardPassesTheReaderProperty(string suffix, bool truncated, string outcome) =>
        Assert.Equal(outcome, ReaderProperty.Check(Shard(suffix, truncated), folder.Root));

    [Theory]
    [InlineData(".jsonl", false, false, "copied")]
    [InlineData(".jsonl.zst", false, false, "copied")]
    [InlineData(".jsonl.gz", false, true, "InputException")]
    [InlineData(".jsonl.gz", true, false, "ShardReadException")]
    public void AFixedShardPassesTheFilterProperty(string suffix, bool truncated, bool wrongHash, string outcome) =>
        Assert.Equal(outcome, FilterProperty.Check(new FilterCase(Shard(suffix, truncated), RemovedShare: 0.5, Seed: 1, wrongHash), folder.Root));

    private static ShardSample Shard(string suffix, bool truncated)
    {
        var bytes = JsonlShards.Compress(Lines, suffix, split: false);
        return new ShardSample(suffix, truncated ? bytes[..^4] : bytes, null, truncated ? "truncated" : "hand-made");
    }
}
