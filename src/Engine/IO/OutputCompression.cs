using System.IO.Compression;
using ZstdSharp;

namespace Dedup.Engine.IO;

/// <summary>
/// The compression level of filtered JSONL shards (--compression-level): one number, read on each
/// format's own scale; without one, each format's usual default. Parquet outputs keep their input's
/// codec per column and are not affected.
/// </summary>
public sealed record OutputCompression(int? Level)
{
    /// <summary>
    /// zlib's own default. On devmix (docs/BENCHMARKS.md) level 1 wrote 16.9 MB from 13.3 MB in, larger than
    /// the input; 6 writes 11.8 MB in about twice level 1's filter time, and 9 only 1% less in 1.7x the time of 6.
    /// </summary>
    public const int GzipDefault = 6;

    /// <summary>zstd's own default.</summary>
    public const int ZstdDefault = 3;

    public const int GzipMax = 9;

    public const int ZstdMax = 22;

    public static readonly OutputCompression Default = new((int?)null);

    /// <summary>The level a shard of <paramref name="compression"/> is written at.</summary>
    public int LevelFor(Compression compression) => compression switch
    {
        Compression.Gzip => Level ?? GzipDefault,
        Compression.Zstd => Level ?? ZstdDefault,
        _ => 0,
    };

    /// <summary>
    /// Null when the level suits every compressed shard of the run, else the message naming the first
    /// shard whose format cannot take it.
    /// </summary>
    public string? ProblemWith(IEnumerable<Shard> shards)
    {
        if (Level is not int level)
        {
            return null;
        }

        foreach (var shard in shards)
        {
            var (low, high) = shard.Compression switch
            {
                Compression.Gzip => (1, GzipMax),
                Compression.Zstd => (1, ZstdMax),
                _ => (level, level),
            };
            if (level < low || level > high)
            {
                return $"--compression-level {level}: {shard.FullPath} is written as {ShardStreams.Describe(shard.Compression)}, whose levels are {low} to {high}.";
            }
        }

        return null;
    }

    /// <summary>
    /// The compressing stream over <paramref name="file"/> for a gzip or zstd shard, in independent blocks
    /// compressed by up to <paramref name="workers"/> threads (<see cref="BlockCompressingStream"/>); it leaves
    /// the file open (the caller flushes and closes it) and writes its end on <see cref="BlockCompressingStream.Finish"/>.
    /// </summary>
    internal BlockCompressingStream Compress(Stream file, Compression compression, int workers)
    {
        int level = LevelFor(compression);
        Func<Stream, Stream> compressor = compression switch
        {
            Compression.Gzip => block => new GZipStream(block, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true),
            Compression.Zstd => block => new CompressionStream(block, level, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(compression)),
        };
        return new BlockCompressingStream(file, compressor, workers);
    }
}
