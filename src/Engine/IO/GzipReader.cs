using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Dedup.Engine.IO;

/// <summary>
/// Decompresses a gzip file member by member (RFC 1952) and proves every byte of it: each member's
/// header, its deflate data, and its trailer (the CRC-32 and size of what it decompressed to), then
/// either the next member or the end of the file. GZipStream cannot: it ends a truncated file
/// silently unless a process-wide switch was set before its first use, reports a bad CRC as "an
/// unsupported compression method", and ignores whatever follows the last member.
/// </summary>
/// <remarks>
/// DeflateStream reads ahead of the end of a member's deflate data and does not say how far it got,
/// so <see cref="WindowedInput"/> keeps the bytes it handed out, and the member's end is found as the
/// trailer its own output predicts (8 bytes: a false match has odds of 2^-64).
/// </remarks>
internal sealed class GzipReader(Stream file) : ReadOnlyStream
{
    private const byte Id1 = 0x1F, Id2 = 0x8B, Deflate = 8;
    private const int HeaderText = 0x08 | 0x10, HeaderExtra = 0x04, HeaderCrc = 0x02, ReservedFlags = 0xE0;

    private readonly WindowedInput input = new(file);
    private readonly Crc32 crc = new();
    private DeflateStream? member;
    private long memberStart;
    private long dataStart;
    private long memberBytes;
    private int members;
    private bool done;

    public override int Read(Span<byte> buffer)
    {
        while (!done && buffer.Length > 0)
        {
            if (member is null && !StartMember())
            {
                done = true;
                break;
            }

            int n;
            try
            {
                n = member!.Read(buffer);
            }
            catch (InvalidDataException)
            {
                throw new InvalidDataException($"the deflate data of the gzip member that starts at byte {memberStart:N0} is damaged (it cannot be decoded).");
            }

            if (n > 0)
            {
                crc.Append(buffer[..n]);
                memberBytes += n;
                return n;
            }

            EndMember();
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            member?.Dispose();
            file.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads the next member's header; false at the end of the file (an empty file has no members, and no rows).</summary>
    private bool StartMember()
    {
        memberStart = input.Position;
        int id1 = input.ReadByte();
        if (id1 < 0)
        {
            return false;
        }

        int id2 = input.ReadByte();
        if (id1 != Id1 || id2 != Id2)
        {
            long rest = input.SkipToEnd() + (id2 < 0 ? 1 : 2);
            throw new InvalidDataException(members == 0
                ? "the file does not start with the gzip signature (1f 8b): it is not gzip data."
                : $"{rest:N0} bytes after the end of the last gzip member (from byte {memberStart:N0}) are not gzip data: the file was damaged or had something appended.");
        }

        int method = Next();
        int flags = Next();
        if (method != Deflate || (flags & ReservedFlags) != 0)
        {
            throw new InvalidDataException($"the gzip member at byte {memberStart:N0} has an unknown compression method ({method}) or header flags ({flags:x2}): the file is damaged.");
        }

        input.Skip(6); // modification time, extra flags, operating system
        if ((flags & HeaderExtra) != 0)
        {
            input.Skip(Next() | (Next() << 8));
        }

        for (int field = 0x08; field <= 0x10; field <<= 1)
        {
            if ((flags & HeaderText & field) != 0)
            {
                while (Next() != 0)
                {
                }
            }
        }

        if ((flags & HeaderCrc) != 0)
        {
            input.Skip(2);
        }

        members++;
        dataStart = input.Position;
        memberBytes = 0;
        crc.Reset();
        member = new DeflateStream(input, CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    /// <summary>Finds the member's trailer where its output says it must be, and goes on after it.</summary>
    private void EndMember()
    {
        member!.Dispose();
        member = null;
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)memberBytes);
        if (!input.SkipPast(trailer, dataStart))
        {
            // The size alone where the trailer would be (odds of a false match: about 2^-14) means the CRC is what differs.
            if (input.WordBefore(trailer[4..], dataStart) is uint recorded)
            {
                throw new InvalidDataException(
                    $"the gzip member that starts at byte {memberStart:N0} decompresses to {memberBytes:N0} bytes with CRC-32 {crc.GetCurrentHashAsUInt32():x8}, " +
                    $"but its trailer records CRC-32 {recorded:x8}: its data is damaged.");
            }

            throw new InvalidDataException(
                $"the gzip member that starts at byte {memberStart:N0} ends without the trailer its {memberBytes:N0} decompressed bytes call for " +
                $"(CRC-32 {crc.GetCurrentHashAsUInt32():x8}): the file is truncated, or its data is damaged.");
        }
    }

    private int Next()
    {
        int b = input.ReadByte();
        return b >= 0 ? b : throw new InvalidDataException($"the file ends inside the header of the gzip member at byte {memberStart:N0}: it is truncated.");
    }

    /// <summary>
    /// The file's bytes, read in large blocks, handed to DeflateStream a piece at a time; the last
    /// <see cref="Window"/> bytes handed out stay in memory so that a member's trailer can be found among them.
    /// </summary>
    private sealed class WindowedInput(Stream file) : ReadOnlyStream
    {
        /// <summary>Far more than DeflateStream reads ahead (its buffer is 8 KiB), so the trailer is always still here.</summary>
        private const int Window = 256 << 10;
        private const int Block = 1 << 20;
        private const int Piece = 64 << 10;

        private readonly byte[] buffer = new byte[Window + Block];
        private long bufferStart; // the file offset of buffer[0]
        private int position;     // next byte to hand out
        private int end;          // end of the bytes read
        private bool eof;

        /// <summary>The file offset of the next byte to hand out.</summary>
        public override long Position { get => bufferStart + position; set => throw new NotSupportedException(); }

        public override int Read(Span<byte> target)
        {
            if (position == end && !Fill())
            {
                return 0;
            }

            int n = Math.Min(Math.Min(target.Length, end - position), Piece);
            buffer.AsSpan(position, n).CopyTo(target);
            position += n;
            return n;
        }

        public override int ReadByte() => position < end || Fill() ? buffer[position++] : -1;

        public void Skip(int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (ReadByte() < 0)
                {
                    throw new InvalidDataException("the file ends inside a gzip member's header: it is truncated.");
                }
            }
        }

        /// <summary>Skips everything left; returns how many bytes that was.</summary>
        public long SkipToEnd()
        {
            long skipped = end - position;
            position = end;
            while (Fill())
            {
                skipped += end - position;
                position = end;
            }

            return skipped;
        }

        /// <summary>
        /// Finds the trailer <paramref name="pattern"/> from file offset <paramref name="from"/> on, in what is still
        /// held of the bytes handed out (and just after them), and continues after it; false when it is not there.
        /// Of several matches (a trailer of zeros can overlap the deflate data's last bytes) the one that the end of
        /// the file or the next member's signature follows is taken, else the last.
        /// </summary>
        public bool SkipPast(ReadOnlySpan<byte> pattern, long from)
        {
            while (end - position < pattern.Length + 2 && Fill())
            {
            }

            int chosen = -1;
            for (int found = IndexOf(pattern, from); found >= 0 && found <= position; found = IndexOf(pattern, bufferStart + found + 1))
            {
                chosen = found;
                int after = found + pattern.Length;
                if ((after == end && eof) || (after + 1 < end && buffer[after] == 0x1F && buffer[after + 1] == 0x8B))
                {
                    break;
                }
            }

            if (chosen < 0)
            {
                return false;
            }

            position = chosen + pattern.Length;
            return true;
        }

        /// <summary>The 4 bytes before <paramref name="pattern"/>, found from file offset <paramref name="from"/> on among the bytes held; null when it is not there.</summary>
        public uint? WordBefore(ReadOnlySpan<byte> pattern, long from)
        {
            int found = IndexOf(pattern, Math.Max(from, bufferStart) + 4);
            return found < 0 ? null : BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(found - 4, 4));
        }

        /// <summary>Where <paramref name="pattern"/> lies in the buffer, from file offset <paramref name="from"/> on; -1 when it is not held.</summary>
        private int IndexOf(ReadOnlySpan<byte> pattern, long from)
        {
            int start = (int)Math.Max(0, from - bufferStart);
            int found = start < end ? buffer.AsSpan(start, end - start).IndexOf(pattern) : -1;
            return found < 0 ? -1 : start + found;
        }

        /// <summary>Reads more of the file after what is held, keeping the last <see cref="Window"/> bytes handed out; false at its end.</summary>
        private bool Fill()
        {
            if (eof)
            {
                return false;
            }

            int keep = Math.Max(0, position - Window);
            if (keep > 0)
            {
                buffer.AsSpan(keep, end - keep).CopyTo(buffer);
                bufferStart += keep;
                position -= keep;
                end -= keep;
            }

            int n = file.Read(buffer, end, buffer.Length - end);
            eof = n == 0;
            end += n;
            return n > 0;
        }
    }
}
