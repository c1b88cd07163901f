using Dedup.Engine.Lsh;

namespace Dedup.Engine.Tests.Lsh;

/// <summary>Band keys split into partitions, against the ranges they say they start.</summary>
public sealed class BandPartitionsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1000)]
    public void PartitionsSplitTheKeysIntoContiguousRangesThatStartWhereTheySay(int partitions)
    {
        Assert.Equal(0, BandPartitions.Of(0, partitions));
        Assert.Equal(partitions - 1, BandPartitions.Of(ulong.MaxValue, partitions));
        for (int p = 1; p < partitions; p++)
        {
            ulong start = BandPartitions.Start(p, partitions);
            Assert.Equal(p, BandPartitions.Of(start, partitions));
            Assert.Equal(p - 1, BandPartitions.Of(start - 1, partitions));
        }
    }
}
