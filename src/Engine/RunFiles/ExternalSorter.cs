using System.Runtime.InteropServices;
using Dedup.Engine.Plan;

namespace Dedup.Engine.RunFiles;

/// <summary>
/// Sorts more records than memory holds: records fill a buffer of the given size, each full buffer
/// is sorted and written as a run into a scratch folder, and <see cref="Sorted"/> merges the runs.
/// </summary>
public sealed class ExternalSorter<T> : IDisposable
    where T : unmanaged, IComparable<T>
{
    private readonly string folder;
    private readonly T[] buffer;
    private readonly List<(RecordFile<T> File, long Count)> runs = [];
    private int filled;

    public ExternalSorter(string scratchFolder, long bufferBytes)
    {
        folder = scratchFolder;
        Directory.CreateDirectory(folder);
        // Uninitialised: only the part records are written to is ever backed by memory.
        buffer = GC.AllocateUninitializedArray<T>((int)Math.Clamp(bufferBytes / Marshal.SizeOf<T>(), 1024, Array.MaxLength));
    }

    public void Add(T record)
    {
        if (filled == buffer.Length)
        {
            Spill();
        }

        buffer[filled++] = record;
    }

    /// <summary>Every record added, in order; call once, after the last <see cref="Add"/>.</summary>
    public IEnumerable<T> Sorted()
    {
        if (runs.Count == 0)
        {
            Array.Sort(buffer, 0, filled);
            for (int i = 0; i < filled; i++)
            {
                yield return buffer[i];
            }

            yield break;
        }

        Spill();
        var readers = runs.Select(r => new RecordReader<T>(r.File, 0, r.Count, (int)Math.Min(MemoryBudget.StreamBufferBytes, (long)buffer.Length * Marshal.SizeOf<T>() / runs.Count))).ToList();
        var heap = new PriorityQueue<int, T>();
        for (int i = 0; i < readers.Count; i++)
        {
            if (readers[i].MoveNext())
            {
                heap.Enqueue(i, readers[i].Current);
            }
        }

        while (heap.TryDequeue(out int source, out var record))
        {
            yield return record;
            if (readers[source].MoveNext())
            {
                heap.Enqueue(source, readers[source].Current);
            }
        }
    }

    public void Dispose()
    {
        foreach (var (file, _) in runs)
        {
            file.Dispose();
        }

        Directory.Delete(folder, recursive: true);
    }

    private void Spill()
    {
        Array.Sort(buffer, 0, filled);
        string path = Path.Combine(folder, $"run-{runs.Count:D5}.bin");
        FileChecksum checksum;
        using (var writer = new ChecksummedWriter(path))
        {
            writer.Write<T>(buffer.AsSpan(0, filled));
            checksum = writer.Complete();
        }

        runs.Add((new RecordFile<T>(path, checksum), filled));
        filled = 0;
    }
}
