using Dedup.Engine.Plan;
using ZstdSharp;

namespace Dedup.Engine.IO;

/// <summary>Opens the byte stream of a JSONL shard for reading or writing, through its whole-file compression.</summary>
internal static class ShardStreams
{
    // Header (no name, no time, unknown OS), an empty final deflate block, CRC-32 0 and size 0.
    private static readonly byte[] EmptyGzip = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>
    /// Opens a shard for reading through its decompressor; <paramref name="file"/> is the file underneath,
    /// hashing what is read (its position tells progress, its <see cref="ContentHashingStream.Finish"/> the content hash).
    /// </summary>
    public static Stream OpenRead(string path, Compression compression, out ContentHashingStream file)
    {
        var raw = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, MemoryBudget.StreamBufferBytes, FileOptions.SequentialScan);
        file = new ContentHashingStream(raw);
        try
        {
            return compression switch
            {
                Compression.None => file,
                Compression.Gzip => new GzipReader(file),
                // ZstdSharp leaves the inner stream open by default; the file must close with the reader.
                Compression.Zstd => new DecompressionStream(file, leaveOpen: false),
                _ => throw new ArgumentOutOfRangeException(nameof(compression)),
            };
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// GZipStream writes nothing at all when given no data, and an empty file is not valid gzip; so when a
    /// filtered gzip shard comes out empty, this writes the one-member gzip of no data into it.
    /// </summary>
    public static void CompleteEmpty(Stream file, Compression compression)
    {
        if (compression == Compression.Gzip && file.Length == 0)
        {
            file.Write(EmptyGzip);
        }
    }

    /// <summary>For messages: what kind of data a read failure was in.</summary>
    public static string Describe(Compression compression) => compression switch
    {
        Compression.Gzip => "gzip",
        Compression.Zstd => "zstd",
        _ => "JSONL",
    };
}
