using Dedup.Engine.RunFiles;

namespace Dedup.Engine.Tests.RunFiles;

/// <summary>The external sorter and checked record files of the run folder, against naive versions.</summary>
public sealed class RunFileStructuresTests
{
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
}
