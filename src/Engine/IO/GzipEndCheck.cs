using System.Buffers.Binary;

namespace Dedup.Engine.IO;

/// <summary>
/// Fallback truncation check for when <see cref="GzipStrictness"/> is not active: a complete gzip file ends
/// with the uncompressed size (mod 2^32) of its last member, so at the end of the data we compare it with the
/// number of bytes decompressed. A truncated file ends in compressed data instead, which matches by chance
/// only once in 2^32. Limitation: a multi-member gzip file fails this check, because only its last member's
/// size is recorded; the strict runtime check, active in the normal case, has no such limitation.
/// </summary>
internal sealed class GzipEndCheck(Stream decompressed, FileStream file) : Stream
{
    private long produced;
    private bool checkedEnd;

    public override int Read(Span<byte> buffer)
    {
        int n = decompressed.Read(buffer);
        produced += n;
        if (n == 0 && buffer.Length > 0 && !checkedEnd)
        {
            checkedEnd = true;
            CheckTrailer();
        }

        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    private void CheckTrailer()
    {
        long length = file.Length;
        if (length == 0)
        {
            return;
        }

        Span<byte> size = stackalloc byte[4];
        if (length >= 18)
        {
            file.Position = length - 4;
            file.ReadExactly(size);
            if (BinaryPrimitives.ReadUInt32LittleEndian(size) == (uint)produced)
            {
                return;
            }
        }

        throw new InvalidDataException(
            "the data ends before the gzip end marker (the size recorded in the gzip trailer does not match; " +
            "multi-member gzip files cannot be verified in this process and should be recompressed as one member)");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decompressed.Dispose();
        }

        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
