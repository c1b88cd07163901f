using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Dedup.Engine.Staged.Files;

/// <summary>
/// Random reads of fixed-size records from a file by index. Positional reads (pread), not a
/// memory map: mapped pages would count against the process's memory, and lookups here are few
/// next to the file's size. Every block a read touches is checked against the file's block
/// checksums the first time. Thread-safe.
/// </summary>
public sealed class RecordFile<T> : IDisposable
    where T : unmanaged
{
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

    public T Read(long index)
    {
        T record = default;
        Read(index, new Span<T>(ref record));
        return record;
    }

    public void Dispose() => handle.Dispose();
}
