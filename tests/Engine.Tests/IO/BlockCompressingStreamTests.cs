using Dedup.Engine.IO;
using ZstdSharp;

namespace Dedup.Engine.Tests.IO;

/// <summary>
/// Filtered gzip and zstd shards are compressed in independent blocks on several threads: the file
/// decompresses to what was written, its bytes do not depend on the number of threads, and the
/// blocks cost next to nothing in size.
/// </summary>
public sealed class BlockCompressingStreamTests
{
    private const int Block = BlockCompressingStream.BlockBytes;

    [Theory]
    [InlineData(Compression.Gzip, 0)]
    [InlineData(Compression.Gzip, 100)]
    [InlineData(Compression.Gzip, Block)]
    [InlineData(Compression.Gzip, Block + 1)]
    [InlineData(Compression.Gzip, (3 * Block) + (Block / 2))]
    [InlineData(Compression.Zstd, 0)]
    [InlineData(Compression.Zstd, Block - 1)]
    [InlineData(Compression.Zstd, (3 * Block) + (Block / 2))]
    public void TheFileDecompressesToWhatWasWrittenAndIsTheSameForOneThreadOrFour(Compression compression, int length)
    {
        var data = Text(length, new Random(length));

        var one = Compress(data, compression, threads: 1, new Random(1));
        var four = Compress(data, compression, threads: 4, new Random(2));

        Assert.Equal(one, four);
        Assert.Equal(data, Decompress(one, compression));
    }

    [Fact]
    public void BlocksCostLessThanAThousandthOfTheSizeOfOneStream()
    {
        var data = Text(3 * Block, new Random(5));
        using var single = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(single, new System.IO.Compression.ZLibCompressionOptions { CompressionLevel = OutputCompression.GzipDefault }, leaveOpen: true))
        {
            gzip.Write(data);
        }

        var blocks = Compress(data, Compression.Gzip, threads: 2, new Random(3));

        Assert.InRange(blocks.Length, single.Length, single.Length * 1.001);
    }

    /// <summary>Words of a small vocabulary: compressible, as text is.</summary>
    private static byte[] Text(int length, Random random)
    {
        var words = Enumerable.Range(0, 500).Select(i => System.Text.Encoding.ASCII.GetBytes($"w{i * 7919 % 10007} ")).ToArray();
        var data = new byte[length];
        for (int at = 0; at < length;)
        {
            var word = words[random.Next(words.Length)];
            int n = Math.Min(word.Length, length - at);
            word.AsSpan(0, n).CopyTo(data.AsSpan(at));
            at += n;
        }

        return data;
    }

    private static byte[] Compress(byte[] data, Compression compression, int threads, Random writes)
    {
        using var file = new MemoryStream();
        using (var stream = OutputCompression.Default.Compress(file, compression, threads))
        {
            for (int at = 0; at < data.Length;)
            {
                int n = Math.Min(writes.Next(1, 300_000), data.Length - at);
                stream.Write(data, at, n);
                at += n;
            }

            stream.Finish();
        }

        ShardStreams.CompleteEmpty(file, compression);
        return file.ToArray();
    }

    private static byte[] Decompress(byte[] file, Compression compression)
    {
        using Stream reader = compression == Compression.Gzip ? new GzipReader(new MemoryStream(file)) : new DecompressionStream(new MemoryStream(file));
        using var output = new MemoryStream();
        reader.CopyTo(output);
        return output.ToArray();
    }
}
