using Dedup.Engine.IO;
using Dedup.Engine.Plan;

namespace Dedup.Engine.Tests.Plan;

/// <summary>How the plan splits shards into tasks.</summary>
public sealed class RunPlannerTests
{
    [Fact]
    public void SplittingByBytesGivesContiguousNonEmptyRangesOfAboutEqualSize()
    {
        var shards = new[] { 10L, 10, 10, 10, 100, 10, 10, 10, 10, 10 }
            .Select((bytes, i) => new Shard(i, $"/s{i}", $"s{i}", ShardFormat.Jsonl, Compression.None, bytes)).ToList();

        Assert.Equal([[0, 4], [4, 5], [5, 10]], RunPlanner.SplitByBytes(shards, 3));
        Assert.Equal(10, RunPlanner.SplitByBytes(shards, 50).Count);
        Assert.Equal([[0, 10]], RunPlanner.SplitByBytes(shards, 1));
    }
}
