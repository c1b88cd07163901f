using Dedup.Engine.IO;
using Dedup.Engine.Staged;
using Dedup.Engine.Staged.Files;

namespace Dedup.Engine.Tests.Staged;

/// <summary>The small structures the stages are built from, against naive versions.</summary>
public sealed class StagedStructuresTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(513)]
    [InlineData(5000)]
    public void RankCountsTheSetBitsBelowEveryIndexUpToTheLength(int length)
    {
        var random = new Random(length);
        var bits = new RankedBits(length);
        var naive = new bool[length];
        for (int i = 0; i < length; i++)
        {
            if (random.Next(3) == 0)
            {
                bits.Set(i);
                naive[i] = true;
            }
        }

        bits.Seal();
        for (int i = 0; i <= length; i++)
        {
            Assert.Equal(naive.Take(i).Count(b => b), bits.Rank(i));
            Assert.True(i == length || naive[i] == bits.Get(i));
        }
    }

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

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(20_000)]
    public void TheExternalSorterSortsLikeArraySortWhateverItSpills(int count)
    {
        using var temp = new TempFolder();
        var random = new Random(count);
        var values = Enumerable.Range(0, count).Select(_ => (long)random.Next(5000)).ToArray();
        // A buffer of 1,024 records (the least) spills 20 runs for 20,000 values.
        using var sorter = new ExternalSorter<long>(temp.PathOf("sort"), 1);
        foreach (long v in values)
        {
            sorter.Add(v);
        }

        Assert.Equal(values.Order(), sorter.Sorted());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(5000)]
    public void ReadingManyRangesGivesWhatReadingEachGives(int maxGapRecords)
    {
        using var temp = new TempFolder();
        var random = new Random(maxGapRecords);
        var values = Enumerable.Range(0, 300_000).Select(_ => random.NextInt64()).ToArray();
        string path = temp.PathOf("values.bin");
        FileChecksum checksum;
        using (var writer = new ChecksummedWriter(path))
        {
            writer.Write<long>(values);
            checksum = writer.Complete();
        }

        // Ascending ranges of 1-70 records with gaps of 0 to maxGapRecords: some read together, some
        // alone, some windows cut at the most a read takes.
        var ranges = new List<(long First, int Count)>();
        for (long at = random.Next(3); ; )
        {
            int count = random.Next(1, 71);
            if (at + count > values.Length)
            {
                break;
            }

            ranges.Add((at, count));
            at += count + random.Next(0, maxGapRecords + 1);
        }

        using var file = new RecordFile<long>(path, checksum);
        var read = new long[ranges.Sum(r => r.Count)];
        file.ReadRanges(ranges.ToArray(), read);
        Assert.Equal(ranges.SelectMany(r => values.Skip((int)r.First).Take(r.Count)), read);
    }

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
