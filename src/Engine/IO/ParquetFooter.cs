using System.Buffers.Binary;
using Parquet;

namespace Dedup.Engine.IO;

/// <summary>
/// Opens a Parquet file's reader after checking its footer: Parquet.Net allocates whatever the last 8
/// bytes claim, so a damaged length (FF FF FF 7F) was an OutOfMemoryException naming no file; and it
/// decodes the footer's Thrift forever (at 100% CPU) when the struct does not end with its stop byte
/// where the length says, which bench fuzz found. Its Thrift reader also loops forever once it runs
/// past the end of what it reads (a damaged page header near the end of the file did), so the reader
/// gets the file through <see cref="EndOfDataStream"/>, which fails such a read instead of returning
/// nothing. Decoding the footer is also given a deadline, for damage that no check here foresees: a
/// hung decoder is abandoned, not waited for.
/// </summary>
internal static class ParquetFooter
{
    private const int MagicBytes = 4;

    /// <summary>Far beyond what decoding any real footer takes (milliseconds for megabytes of metadata).</summary>
    private static readonly TimeSpan DecodeDeadline = TimeSpan.FromSeconds(60);

    public static ParquetReader Open(FileStream file)
    {
        long length = file.Length;
        if (length < MagicBytes * 3)
        {
            throw new InvalidDataException($"the file has {length} bytes, too few for a Parquet file (magic, footer length, magic).");
        }

        // The footer's last byte (Thrift's stop field), its length and the closing magic.
        Span<byte> tail = stackalloc byte[9];
        file.Position = length - tail.Length;
        file.ReadExactly(tail);
        file.Position = 0;
        uint footer = BinaryPrimitives.ReadUInt32LittleEndian(tail[1..]);
        if (footer > length - (MagicBytes * 3))
        {
            throw new InvalidDataException($"its footer claims {footer:N0} bytes, more than the file's {length:N0}.");
        }

        if (tail[0] != 0)
        {
            throw new InvalidDataException($"its footer ({footer:N0} bytes) does not end with the end of its metadata (byte {length - tail.Length:N0} is {tail[0]:x2}, not 00): the file is damaged.");
        }

        var open = Task.Run(() => ParquetReader.CreateAsync(new EndOfDataStream(file), leaveStreamOpen: true));
        if (!open.Wait(DecodeDeadline))
        {
            throw new InvalidDataException($"its footer ({footer:N0} bytes) could not be decoded in {DecodeDeadline.TotalSeconds:N0} s: the file is damaged.");
        }

        return open.GetAwaiter().GetResult();
    }

    /// <summary>The file as Parquet.Net reads it: a read at its end is an error, not an empty read.</summary>
    private sealed class EndOfDataStream(FileStream file) : ReadOnlyStream
    {
        public override bool CanSeek => true;

        public override long Length => file.Length;

        public override long Position { get => file.Position; set => file.Position = value; }

        public override int Read(Span<byte> buffer) => Checked(file.Read(buffer), buffer.Length);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Checked(await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Length);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

        private int Checked(int read, int asked) =>
            read > 0 || asked == 0 ? read : throw new InvalidDataException($"a read at byte {file.Position:N0} runs past the end of the file: its metadata is damaged.");
    }
}
