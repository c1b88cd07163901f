namespace Dedup.Engine.IO;

/// <summary>
/// Splits a byte stream into lines on '\n' without decoding. One growable buffer holds the current line, so a
/// line of any size up to 2 GB works while memory stays proportional to the longest line, not to the file.
/// </summary>
internal sealed class LineReader(Stream stream)
{
    private const int InitialSize = 1 << 18;

    private byte[] buffer = new byte[InitialSize];
    private int start;      // first byte not yet returned
    private int scanned;    // bytes in [start, scanned) are known to hold no '\n'
    private int end;        // end of valid data
    private bool eof;

    /// <summary>The buffer the current line lives in; valid until the next <see cref="ReadLine"/>.</summary>
    public byte[] Buffer => buffer;

    public int LineStart { get; private set; }

    /// <summary>Length of the current line, without its '\n' (a '\r' before it is kept).</summary>
    public int LineLength { get; private set; }

    /// <summary>Whether the current line ended with '\n' (false only for a last line without one).</summary>
    public bool HadNewline { get; private set; }

    public ReadOnlySpan<byte> Line => buffer.AsSpan(LineStart, LineLength);

    /// <summary>Advances to the next line; false at the end of the stream. Stream errors propagate.</summary>
    public bool ReadLine()
    {
        while (true)
        {
            int found = buffer.AsSpan(scanned, end - scanned).IndexOf((byte)'\n');
            if (found >= 0)
            {
                int newline = scanned + found;
                SetLine(start, newline - start, hadNewline: true);
                start = scanned = newline + 1;
                return true;
            }

            scanned = end;
            if (eof)
            {
                if (end == start)
                {
                    return false;
                }

                SetLine(start, end - start, hadNewline: false);
                start = scanned = end;
                return true;
            }

            Fill();
        }
    }

    private void SetLine(int lineStart, int length, bool hadNewline)
    {
        LineStart = lineStart;
        LineLength = length;
        HadNewline = hadNewline;
    }

    private void Fill()
    {
        int pending = end - start;
        if (start > 0 || end == buffer.Length)
        {
            // Compact into a buffer that fits the pending bytes: grow for a long line, and shrink back
            // once it is done so that one huge document does not pin its buffer for the rest of the shard.
            int size = buffer.Length;
            if (pending == size)
            {
                if (size == Array.MaxLength)
                {
                    throw new LineTooLongException($"a line is longer than {Array.MaxLength} bytes");
                }

                size = (int)Math.Min((long)size * 2, Array.MaxLength);
            }
            else if (size > InitialSize && pending < InitialSize / 2)
            {
                size = InitialSize;
            }

            var target = size == buffer.Length ? buffer : new byte[size];
            buffer.AsSpan(start, pending).CopyTo(target);
            buffer = target;
            scanned -= start;
            start = 0;
            end = pending;
        }

        int n = stream.Read(buffer, end, buffer.Length - end);
        if (n == 0)
        {
            eof = true;
        }

        end += n;
    }
}
