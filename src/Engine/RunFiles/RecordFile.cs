using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Dedup.Engine.RunFiles;

/// <summary>
/// Random reads of fixed-size records from a file by index. Positional reads (pread), not a
/// memory map: mapped pages would count against the process's memory, and lookups here are few
/// next to the file's size. Every block a read touches is checked against the file's block
/// checksums the first time. Thread-safe.
/// </summary>
public sealed class RecordFile<T> : IDisposable
    where T : unmanaged
{
    /// <summary>Ranges closer than this are read in one go by <see cref="ReadRanges"/>.</summary>
    public const int SparseGapBytes = 16 << 10;

    /// <summary>The most <see cref="ReadRanges"/> reads at once.</summary>
    public const int SparseWindowBytes = 1 << 20;

    private static readonly int Size = Marshal.SizeOf<T>();
    private readonly SafeFileHandle handle;
    private readonly BlockChecks checks;

    /// <summary>Opens a finished intermediate file recorded with <paramref name="expected"/>.</summary>
    public RecordFile(string path, FileChecksum expected)
    {
        Path = path;
        if (!File.Exists(path))
        {
            throw new IntermediateFileException(path, "the file is missing although its task finished");
        }

        handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        long length = RandomAccess.GetLength(handle);
        if (length != expected.Bytes)
        {
            handle.Dispose();
            throw new IntermediateFileException(path, $"it holds {length} bytes, but its task wrote {expected.Bytes}");
        }

        checks = BlockChecks.Load(path, expected);
        Count = length / Size;
    }

    public string Path { get; }

    public long Count { get; }

    /// <summary>Reads records [first, first + into.Length).</summary>
    public void Read(long first, Span<T> into)
    {
        if (first < 0 || first + into.Length > Count)
        {
            throw new IntermediateFileException(Path, $"record {first + into.Length - 1} was asked for, but the file holds {Count}");
        }

        var bytes = MemoryMarshal.AsBytes(into);
        checks.Verify(handle, Path, first * Size, (first * Size) + bytes.Length);
        int read = 0;
        while (read < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes[read..], (first * Size) + read);
            if (n == 0)
            {
                throw new IntermediateFileException(Path, "it ended early");
            }

            read += n;
        }
    }

    /// <summary>
    /// Reads many ranges of records, ascending and not overlapping, into consecutive slices of
    /// <paramref name="into"/>. Ranges less than <see cref="SparseGapBytes"/> apart are read
    /// together, gap included, up to <see cref="SparseWindowBytes"/> at a time: a few thousand
    /// documents' records spread over a file cost a few hundred reads, not one each.
    /// </summary>
    public void ReadRanges(ReadOnlySpan<(long First, int Count)> ranges, Span<T> into)
    {
        long gap = Math.Max(1, SparseGapBytes / Size);
        long window = Math.Max(1, SparseWindowBytes / Size);
        T[]? scratch = null;
        try
        {
            int i = 0;
            while (i < ranges.Length)
            {
                long first = ranges[i].First;
                long end = first + ranges[i].Count;
                int j = i + 1;
                while (j < ranges.Length && ranges[j].First - end <= gap && ranges[j].First + ranges[j].Count - first <= window)
                {
                    end = ranges[j].First + ranges[j].Count;
                    j++;
                }

                if (j == i + 1)
                {
                    Read(first, into[..ranges[i].Count]);
                    into = into[ranges[i].Count..];
                }
                else
                {
                    scratch ??= System.Buffers.ArrayPool<T>.Shared.Rent((int)window);
                    var span = scratch.AsSpan(0, (int)(end - first));
                    Read(first, span);
                    for (; i < j; i++)
                    {
                        span.Slice((int)(ranges[i].First - first), ranges[i].Count).CopyTo(into);
                        into = into[ranges[i].Count..];
                    }
                }

                i = j;
            }
        }
        finally
        {
            if (scratch is not null)
            {
                System.Buffers.ArrayPool<T>.Shared.Return(scratch);
            }
        }
    }

    public T Read(long index)
    {
        T record = default;
        Read(index, new Span<T>(ref record));
        return record;
    }

    public void Dispose() => handle.Dispose();
}
