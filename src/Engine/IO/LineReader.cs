namespace Dedup.Engine.IO;

/// <summary>
/// Splits a byte stream into lines on '\n' without decoding. One growable buffer holds the current line, so
/// memory stays proportional to the longest line, not to the file; a line longer than
/// <paramref name="maxLineBytes"/> is not held whole: its first bytes come as a partial line
/// (<see cref="IsPartial"/>), and <see cref="CopyRest"/> passes the rest on (or skips it) in buffer-sized pieces.
/// </summary>
internal sealed class LineReader(Stream stream, int maxLineBytes = int.MaxValue)
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

    /// <summary>
    /// Whether the current line is longer than the limit: <see cref="Line"/> holds its first limit bytes only,
    /// and the rest is still to come through <see cref="CopyRest"/> (which the next <see cref="ReadLine"/> calls, skipping it).
    /// </summary>
    public bool IsPartial { get; private set; }

    /// <summary>Advances to the next line; false at the end of the stream. Stream errors propagate.</summary>
    public bool ReadLine()
    {
        if (IsPartial)
        {
            CopyRest(null);
        }

        while (true)
        {
            int found = buffer.AsSpan(scanned, end - scanned).IndexOf((byte)'\n');
            if (found >= 0)
            {
                int newline = scanned + found;
                if (newline - start > maxLineBytes)
                {
                    return StartPartialLine();
                }

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

            if (end - start > maxLineBytes)
            {
                return StartPartialLine();
            }

            Fill();
        }
    }

    /// <summary>The first <c>maxLineBytes</c> of a longer line, whatever the reads brought in: which lines are partial depends on their lengths alone.</summary>
    private bool StartPartialLine()
    {
        SetLine(start, maxLineBytes, hadNewline: false);
        start = scanned = start + maxLineBytes;
        IsPartial = true;
        return true;
    }

    /// <summary>
    /// Passes the rest of a partial line to <paramref name="destination"/> (null: skips it) without holding it
    /// whole, and sets <see cref="HadNewline"/> to whether the line ended with '\n' (not written).
    /// </summary>
    public void CopyRest(Stream? destination)
    {
        while (IsPartial)
        {
            int found = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            int stop = found >= 0 ? start + found : end;
            destination?.Write(buffer, start, stop - start);
            start = scanned = stop;
            if (found >= 0)
            {
                start = scanned = stop + 1;
                (HadNewline, IsPartial) = (true, false);
            }
            else if (eof)
            {
                (HadNewline, IsPartial) = (false, false);
            }
            else
            {
                Fill();
            }
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
