using System.Runtime.InteropServices;

namespace Dedup.Engine.Staged.Files;

/// <summary>
/// Reads a run of fixed-size records in order from a slice of a file, through a buffer of a given
/// size: the merges open many of these at once, so their buffers share the memory budget.
/// </summary>
public sealed class RecordReader<T> : IDisposable
    where T : unmanaged
{
    private readonly RecordFile<T> file;
    private readonly bool ownsFile;
    private readonly T[] buffer;
    private long next;
    private readonly long end;
    private int position;
    private int filled;

    public RecordReader(RecordFile<T> file, long first, long count, int bufferBytes, bool ownsFile = false)
    {
        this.file = file;
        this.ownsFile = ownsFile;
        next = first;
        end = first + count;
        buffer = new T[Math.Max(1, (int)Math.Min(count, Math.Max(1, bufferBytes / Marshal.SizeOf<T>())))];
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
