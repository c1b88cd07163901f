using System.Runtime.InteropServices;
using Dedup.Engine.Execution;

namespace Dedup.Engine.RunFiles;

/// <summary>
/// Reads a run of fixed-size records in order from a slice of a file, through a buffer of a given
/// size: the merges open many of these at once, so their buffers share the memory budget. With a
/// <see cref="RunProgress"/>, each buffer read adds its records and bytes to it.
/// </summary>
public sealed class RecordReader<T> : IDisposable
    where T : unmanaged
{
    private static readonly int Size = Marshal.SizeOf<T>();
    private readonly RecordFile<T> file;
    private readonly bool ownsFile;
    private readonly RunProgress? progress;
    private readonly T[] buffer;
    private long next;
    private readonly long end;
    private int position;
    private int filled;

    public RecordReader(RecordFile<T> file, long first, long count, int bufferBytes, bool ownsFile = false, RunProgress? progress = null)
    {
        this.file = file;
        this.ownsFile = ownsFile;
        this.progress = progress;
        next = first;
        end = first + count;
        buffer = new T[Math.Max(1, (int)Math.Min(count, Math.Max(1, bufferBytes / Size)))];
    }

    public T Current { get; private set; }

    public bool MoveNext()
    {
        if (position == filled)
        {
            int n = (int)Math.Min(buffer.Length, end - next);
            if (n == 0)
            {
                return false;
            }

            file.Read(next, buffer.AsSpan(0, n));
            progress?.Add(n, (long)n * Size);
            next += n;
            filled = n;
            position = 0;
        }

        Current = buffer[position++];
        return true;
    }

    public void Dispose()
    {
        if (ownsFile)
        {
            file.Dispose();
        }
    }
}
