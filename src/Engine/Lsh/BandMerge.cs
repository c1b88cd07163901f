using Dedup.Engine.Execution;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.RunFiles.Records;

namespace Dedup.Engine.Lsh;

/// <summary>One sorted slice of one band section, from one run file of one signature task.</summary>
/// <param name="Run">The run the records belong to; their document refs are rewritten to it.</param>
public sealed record BandSlice(RecordFile<BandRecord> File, long First, long Count, int Run);

/// <summary>
/// Merges sorted band slices into one sorted stream (a k-way merge on a heap), holding one read
/// buffer per slice: memory grows with the number of slices, not with their length.
/// </summary>
public sealed class BandMerge : IDisposable
{
    private readonly List<(RecordReader<BandRecord> Reader, int Run)> sources = [];
    private readonly PriorityQueue<int, BandRecord> heap = new();

    /// <param name="progress">Counts the records as they are read.</param>
    public BandMerge(IReadOnlyList<BandSlice> slices, long bufferBytes, RunProgress progress)
    {
        int perSlice = (int)Math.Clamp(bufferBytes / Math.Max(1, slices.Count), 4096, MemoryBudget.StreamBufferBytes);
        foreach (var slice in slices.Where(s => s.Count > 0))
        {
            var reader = new RecordReader<BandRecord>(slice.File, slice.First, slice.Count, perSlice, progress: progress);
            sources.Add((reader, slice.Run));
            Advance(sources.Count - 1);
        }
    }

    public BandRecord Current { get; private set; }

    public bool MoveNext()
    {
        if (!heap.TryDequeue(out int source, out var record))
        {
            return false;
        }

        Current = record;
        Advance(source);
        return true;
    }

    public void Dispose()
    {
        foreach (var (reader, _) in sources)
        {
            reader.Dispose();
        }
    }

    private void Advance(int source)
    {
        var (reader, run) = sources[source];
        if (reader.MoveNext())
        {
            var record = reader.Current;
            heap.Enqueue(source, run == 0 ? record : record with { Document = DocumentRef.InRun(record.Document, run) });
        }
    }
}
