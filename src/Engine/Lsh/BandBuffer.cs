using Dedup.Engine.Execution;
using Dedup.Engine.RunFiles;
using Dedup.Engine.RunFiles.Records;

namespace Dedup.Engine.Lsh;

/// <summary>
/// A signature task's band records in memory, one array per section (<see cref="BandSections"/>:
/// each band, the exact content hash, the id hash). When an array reaches its capacity (the task's share of --memory) every section
/// is sorted and written as one run into each partition's file, so memory stays bounded whatever
/// the size of the task. The arrays are allocated at full capacity once, uninitialised: the
/// operating system backs a page only when it is first written, so a small task stays small, and
/// nothing is ever copied into a larger array (growing by doubling left the smaller arrays to the
/// garbage collector, which measured up to twice the buffer's size). The sections are sorted in
/// parallel.
/// </summary>
public sealed class BandBuffer
{
    private readonly IReadOnlyList<BandRunFile.Writer> partitions;
    private readonly BandRecord[][] sections;
    private readonly int perSection;
    private readonly int threads;
    private readonly int[] filled;

    public BandBuffer(IReadOnlyList<BandRunFile.Writer> partitions, int sectionCount, long capacityBytes, int threads)
    {
        this.partitions = partitions;
        this.threads = threads;
        perSection = (int)Math.Clamp(capacityBytes / sectionCount / System.Runtime.InteropServices.Marshal.SizeOf<BandRecord>(), 1024, Array.MaxLength);
        sections = Enumerable.Range(0, sectionCount).Select(_ => GC.AllocateUninitializedArray<BandRecord>(perSection)).ToArray();
        filled = new int[sectionCount];
    }

    public int Runs { get; private set; }

    /// <summary>Adds one document's band keys and its content hash (the exact section).</summary>
    public void Add(ulong document, ReadOnlySpan<ulong> bandKeys, UInt128 content)
    {
        for (int b = 0; b < bandKeys.Length; b++)
        {
            sections[b][filled[b]++] = new BandRecord(bandKeys[b], (ulong)content, document);
        }

        Put(BandSections.Exact(bandKeys.Length), new BandRecord((ulong)(content >> 64), (ulong)content, document));
    }

    /// <summary>Adds one document's id hash (the id section): every signed document has one, with tokens or not.</summary>
    public void AddId(ulong document, UInt128 id) =>
        Put(sections.Length - 1, new BandRecord((ulong)(id >> 64), (ulong)id, document));

    /// <summary>The exact and id sections fill fastest (the bands only get documents with tokens), so they decide when to flush.</summary>
    private void Put(int section, BandRecord record)
    {
        sections[section][filled[section]++] = record;
        if (filled[section] == perSection)
        {
            Flush();
        }
    }

    /// <summary>Writes what is buffered as one run (also called once at the end).</summary>
    public void Flush()
    {
        if (filled.All(f => f == 0) && Runs > 0)
        {
            return;
        }

        var cuts = new int[sections.Length][];
        ParallelWork.For(sections.Length, threads, s =>
        {
            Array.Sort(sections[s], 0, filled[s]);
            cuts[s] = PartitionCuts(sections[s].AsSpan(0, filled[s]));
        });

        for (int p = 0; p < partitions.Count; p++)
        {
            partitions[p].AddRun(s => sections[s].AsMemory(cuts[s][p], cuts[s][p + 1] - cuts[s][p]));
        }

        Array.Clear(filled);
        Runs++;
    }

    /// <summary>Where each partition's slice of a sorted section starts (and, last, its end).</summary>
    private int[] PartitionCuts(ReadOnlySpan<BandRecord> section)
    {
        var cuts = new int[partitions.Count + 1];
        int i = 0;
        for (int p = 0; p < partitions.Count; p++)
        {
            cuts[p] = i;
            while (i < section.Length && BandPartitions.Of(section[i].Key, partitions.Count) == p)
            {
                i++;
            }
        }

        cuts[^1] = section.Length;
        return cuts;
    }
}
