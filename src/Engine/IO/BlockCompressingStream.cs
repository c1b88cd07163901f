using System.Buffers;

namespace Dedup.Engine.IO;

/// <summary>
/// Compresses what is written into independent blocks of <see cref="BlockBytes"/> (gzip members, zstd
/// frames: both formats decompress a sequence of them as one stream), up to <c>workers</c> blocks at once
/// on the thread pool (one worker: on the writing thread), and writes them to the file in order. Blocks are cut at fixed byte counts, so the
/// file's bytes do not depend on the number of workers; one large shard is compressed on every core
/// instead of one.
/// </summary>
internal sealed class BlockCompressingStream : Stream
{
    /// <summary>Large enough that a block's own header and fresh dictionary cost nothing measurable, small enough for many in flight.</summary>
    public const int BlockBytes = 4 << 20;

    private readonly Stream file;
    private readonly Func<Stream, Stream> compressor;
    private readonly int workers;
    private readonly Queue<Task<MemoryStream>> inFlight = new();
    private byte[] block = ArrayPool<byte>.Shared.Rent(BlockBytes);
    private int filled;
    private bool submitted;
    private bool finished;

    /// <param name="compressor">Wraps a block's stream in the format's compressor (leaving the stream open).</param>
    public BlockCompressingStream(Stream file, Func<Stream, Stream> compressor, int workers)
    {
        this.file = file;
        this.compressor = compressor;
        this.workers = Math.Max(1, workers);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            int n = Math.Min(buffer.Length, BlockBytes - filled);
            buffer[..n].CopyTo(block.AsSpan(filled));
            filled += n;
            buffer = buffer[n..];
            if (filled == BlockBytes)
            {
                Submit();
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Compresses the last block and writes every block still in flight; the file is the caller's to flush and close.</summary>
    public void Finish()
    {
        if (finished)
        {
            return;
        }

        finished = true;
        // An empty shard still gets one (empty) block: zstd writes an empty frame for it, where no bytes at all would not be zstd data.
        if (filled > 0 || !submitted)
        {
            Submit();
        }

        while (inFlight.Count > 0)
        {
            WriteOldest();
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // Without Finish (a failed copy) nothing more is written; blocks still in flight finish on their own.
        if (disposing)
        {
            ArrayPool<byte>.Shared.Return(block);
        }

        base.Dispose(disposing);
    }

    private void Submit()
    {
        var (data, length) = (block, filled);
        MemoryStream Compress()
        {
            var compressed = new MemoryStream();
            using (var stream = compressor(compressed))
            {
                stream.Write(data, 0, length);
            }

            ArrayPool<byte>.Shared.Return(data);
            return compressed;
        }

        // One worker compresses on the writing thread itself: --threads 1 means one thread.
        inFlight.Enqueue(workers == 1 ? Task.FromResult(Compress()) : Task.Run(Compress));
        block = ArrayPool<byte>.Shared.Rent(BlockBytes);
        filled = 0;
        submitted = true;
        while (inFlight.Count > workers)
        {
            WriteOldest();
        }
    }

    private void WriteOldest()
    {
        using var compressed = inFlight.Dequeue().GetAwaiter().GetResult();
        compressed.Position = 0;
        compressed.CopyTo(file);
    }
}
