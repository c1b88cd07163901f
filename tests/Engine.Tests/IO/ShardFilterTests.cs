using System.Text;
using Dedup.Engine.IO;
using Parquet;

namespace Dedup.Engine.Tests.IO;

public sealed class ShardFilterTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<Compression> Compressions => [Compression.None, Compression.Gzip, Compression.Zstd];

    /// <summary>Raw lines of every kind: valid, CRLF, blank, invalid JSON, invalid UTF-8; the last has no newline.</summary>
    private static readonly byte[][] Lines =
    [
        "{\"text\":\"zero\",\"id\":0}\n"u8.ToArray(),
        "{\"text\":\"one\", \"extra\": {\"k\": [1, 2]}}\r\n"u8.ToArray(),
        "\n"u8.ToArray(),
        "not json at all\n"u8.ToArray(),
        [.. "{\"text\":\"bad "u8, 0xFF, 0xFE, .. "\"}\n"u8],
        "  \t \n"u8.ToArray(),
        "{\"text\":\"six\"}\n"u8.ToArray(),
        "{\"text\":\"seven\"}"u8.ToArray(),
    ];

    [Theory]
    [MemberData(nameof(Compressions))]
    public void JsonlKeepsEveryOtherLineByteForByte(Compression compression)
    {
        var shard = JsonlFiles.Write(folder, "in/part", Concat(Lines), compression);
        var output = folder.PathOf($"out/deep/part{JsonlFiles.Suffix(compression)}");

        long written = ShardFilter.Write(shard, output, [0, 3, 4], OutputCompression.Default, null);

        Assert.Equal(5, written);
        var bytes = File.ReadAllBytes(output);
        Assert.Equal(Concat([Lines[1], Lines[2], Lines[5], Lines[6], Lines[7]]), JsonlFiles.Decompress(bytes, compression));
        AssertMagic(bytes, compression);
        Assert.False(File.Exists(output + ".partial"));
    }

    [Theory]
    [MemberData(nameof(Compressions))]
    public void JsonlWithNothingRemovedIsIdentical(Compression compression)
    {
        var shard = JsonlFiles.Write(folder, "in/part", Concat(Lines), compression);
        var output = folder.PathOf($"out/part{JsonlFiles.Suffix(compression)}");

        Assert.Equal(Lines.Length, ShardFilter.Write(shard, output, [], OutputCompression.Default, null));

        Assert.Equal(Concat(Lines), JsonlFiles.Decompress(File.ReadAllBytes(output), compression));
    }

    [Fact]
    public void RemovingTheLastLineLeavesTheNewlineOfTheOneBefore()
    {
        var shard = JsonlFiles.Write(folder, "in/part", Concat(Lines));
        var output = folder.PathOf("out/part.jsonl");

        ShardFilter.Write(shard, output, [7], OutputCompression.Default, null);

        Assert.Equal(Concat(Lines[..7]), File.ReadAllBytes(output));
    }

    [Theory]
    [MemberData(nameof(Compressions))]
    public void JsonlWithEverythingRemovedIsAValidEmptyFile(Compression compression)
    {
        var shard = JsonlFiles.Write(folder, "in/part", Concat(Lines), compression);
        var output = folder.PathOf($"out/part{JsonlFiles.Suffix(compression)}");

        long written = ShardFilter.Write(shard, output, [.. Enumerable.Range(0, Lines.Length).Select(i => (long)i)], OutputCompression.Default, null);

        Assert.Equal(0, written);
        var bytes = File.ReadAllBytes(output);
        Assert.Empty(JsonlFiles.Decompress(bytes, compression));
        AssertMagic(bytes, compression);
        Assert.Empty(JsonlFiles.ReadAll(ShardDiscovery.Discover([output])[0], JsonlFiles.Options()));
    }

    [Fact]
    public void FilteredJsonlReadsBackWithTheSameStatuses()
    {
        var shard = JsonlFiles.Write(folder, "in/part", Concat(Lines), Compression.Zstd);
        var output = folder.PathOf("out/part.jsonl.zst");

        ShardFilter.Write(shard, output, [2], OutputCompression.Default, null);

        var before = JsonlFiles.ReadAll(shard, JsonlFiles.Options()).Where(r => r.Row != 2).Select(r => (r.Status, r.Text));
        var after = JsonlFiles.ReadAll(ShardDiscovery.Discover([output])[0], JsonlFiles.Options()).Select(r => (r.Status, r.Text));
        Assert.Equal(before, after);
    }

    [Fact]
    public void RowsBeyondTheEndOrOutOfOrderAreRejectedWithoutLeavingAFile()
    {
        var shard = JsonlFiles.Write(folder, "in/part", Concat(Lines), Compression.Gzip);
        var output = folder.PathOf("out/part.jsonl.gz");

        var beyond = Assert.Throws<ArgumentException>(() => ShardFilter.Write(shard, output, [1, 8], OutputCompression.Default, null));
        Assert.Throws<ArgumentException>(() => ShardFilter.Write(shard, output, [3, 1], OutputCompression.Default, null));
        Assert.Throws<ArgumentException>(() => ShardFilter.Write(shard, output, [2, 2], OutputCompression.Default, null));

        Assert.Contains("row 8", beyond.Message);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public void UnreadableInputIsAShardErrorAndLeavesNoFile()
    {
        var packed = JsonlFiles.Compress(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"{{\"text\":\"{i}\"}}\n"))), Compression.Gzip);
        var path = folder.Write("in/cut.jsonl.gz", packed[..(packed.Length / 2)]);
        var output = folder.PathOf("out/cut.jsonl.gz");

        var e = Assert.Throws<ShardReadException>(() => ShardFilter.Write(ShardDiscovery.Discover([path])[0], output, [], OutputCompression.Default, null));

        Assert.Equal(path, e.FilePath);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Theory]
    [InlineData(CompressionMethod.Snappy)]
    [InlineData(CompressionMethod.Zstd)]
    [InlineData(CompressionMethod.Gzip)]
    [InlineData(CompressionMethod.None)]
    public async Task ParquetKeepsAllColumnsOfTheOtherRowsAndTheCodec(CompressionMethod codec)
    {
        var input = await ParquetFiles.WriteDocumentsAsync(folder.PathOf("in/docs.parquet"), codec, 5, 4, 6);
        var output = folder.PathOf("out/docs.parquet");
        long[] removed = [0, 3, 5, 6, 7, 8, 14];

        long written = ShardFilter.Write(ShardDiscovery.Discover([input])[0], output, removed, OutputCompression.Default, null);

        Assert.Equal(8, written);
        var expected = (await ParquetFiles.RenderRowsAsync(input)).Where((_, i) => !removed.Contains(i)).ToList();
        Assert.Equal(expected, await ParquetFiles.RenderRowsAsync(output));
        Assert.Equal(2, await ParquetFiles.RowGroupCountAsync(output));
        Assert.Equal(await ParquetFiles.CodecAsync(input), await ParquetFiles.CodecAsync(output));
        var (inSchema, inMeta) = await ParquetFiles.DescribeAsync(input);
        var (outSchema, outMeta) = await ParquetFiles.DescribeAsync(output);
        Assert.Equal(inSchema, outSchema);
        Assert.Equal("tests", outMeta["origin"]);
        Assert.Equal(inMeta, outMeta);
    }

    [Fact]
    public async Task ParquetRowsRenderDistinctlySoTheComparisonMeansSomething()
    {
        var input = await ParquetFiles.WriteDocumentsAsync(folder.PathOf("docs.parquet"), CompressionMethod.Snappy, 12);

        var rows = await ParquetFiles.RenderRowsAsync(input);

        Assert.Equal(12, rows.Distinct().Count());
        Assert.Contains("tags=[t2.0,t2.1]", rows[2]);
        Assert.Contains("score=null", rows[0]);
        Assert.Contains("meta/source=null", rows[0]);
    }

    [Fact]
    public async Task ParquetWithEverythingRemovedIsAValidFileWithTheSchema()
    {
        var input = await ParquetFiles.WriteDocumentsAsync(folder.PathOf("in/docs.parquet"), CompressionMethod.Zstd, 3, 2);
        var output = folder.PathOf("out/docs.parquet");

        long written = ShardFilter.Write(ShardDiscovery.Discover([input])[0], output, [0, 1, 2, 3, 4], OutputCompression.Default, null);

        Assert.Equal(0, written);
        Assert.Equal(0, await ParquetFiles.RowGroupCountAsync(output));
        Assert.Equal((await ParquetFiles.DescribeAsync(input)).Schema, (await ParquetFiles.DescribeAsync(output)).Schema);
        Assert.Empty(ParquetFiles.ReadAll(output, JsonlFiles.Options()));
    }

    [Fact]
    public async Task FilteredParquetReadsBackWithTheSameTextsAndIds()
    {
        var input = await ParquetFiles.WriteDocumentsAsync(folder.PathOf("in/docs.parquet"), CompressionMethod.Snappy, 7, 7);
        var output = folder.PathOf("out/docs.parquet");

        ShardFilter.Write(ShardDiscovery.Discover([input])[0], output, [1, 13], OutputCompression.Default, null);

        var before = ParquetFiles.ReadAll(input, JsonlFiles.Options()).Where(r => r.Row is not (1 or 13)).Select(r => (r.Status, r.Text, r.Id));
        Assert.Equal(before, ParquetFiles.ReadAll(output, JsonlFiles.Options()).Select(r => (r.Status, r.Text, r.Id)));
    }

    [Fact]
    public async Task ParquetRowsBeyondTheEndAreRejected()
    {
        var input = await ParquetFiles.WriteDocumentsAsync(folder.PathOf("in/docs.parquet"), CompressionMethod.Snappy, 3);
        var output = folder.PathOf("out/docs.parquet");

        Assert.Throws<ArgumentException>(() => ShardFilter.Write(ShardDiscovery.Discover([input])[0], output, [3], OutputCompression.Default, null));

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    /// <summary>Found by the filter fuzz target: a damaged schema escaped as Parquet.Net's own ArgumentException ("at least one field is required").</summary>
    [Fact]
    public async Task ParquetWhoseSchemaRootLostItsFieldsFailsAsAnUnreadableShard()
    {
        var input = await ParquetFiles.WriteStringsAsync(folder.PathOf("in/docs.parquet"), ("text", ["a", "b"]));
        var bytes = File.ReadAllBytes(input);
        // The root element's name, then its num_children field: 0x15 (an i32, field 5) and the zigzag varint 0x02 (1).
        int root = bytes.AsSpan().IndexOf("root\x15\x02"u8);
        Assert.True(root > 0, "no root schema element with one child in the file Parquet.Net wrote");
        bytes[root + 5] = 0x00;
        File.WriteAllBytes(input, bytes);
        var output = folder.PathOf("out/docs.parquet");

        var e = Assert.Throws<ShardReadException>(() => ShardFilter.Write(ShardDiscovery.Discover([input])[0], output, [], OutputCompression.Default, null));

        Assert.Contains(input, e.Message);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public void JsonlCopyReportsItsRowsAndEveryByteOfTheShardInSteps()
    {
        var text = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{{\"text\":\"document {i}\"}}\n"));
        var shard = JsonlFiles.Write(folder, "in/part", text, Compression.Gzip);
        var steps = new List<(long Rows, long Bytes)>();

        ShardFilter.Write(shard, folder.PathOf("out/part.jsonl.gz"), [5, 9_000], OutputCompression.Default, null, copied: (rows, bytes) => steps.Add((rows, bytes)));

        Assert.True(steps.Count >= 3, $"{steps.Count} steps");
        Assert.Equal(10_000, steps.Sum(s => s.Rows));
        Assert.Equal(shard.Length, steps.Sum(s => s.Bytes));
        Assert.All(steps, s => Assert.True(s.Bytes >= 0));
    }

    [Fact]
    public async Task ParquetCopyReportsEachRowGroupAndEveryByteOfTheShard()
    {
        var input = await ParquetFiles.WriteDocumentsAsync(folder.PathOf("in/docs.parquet"), CompressionMethod.Snappy, 5, 4, 6);
        var shard = ShardDiscovery.Discover([input])[0];
        var steps = new List<(long Rows, long Bytes)>();

        ShardFilter.Write(shard, folder.PathOf("out/docs.parquet"), [0, 5, 6, 7, 8], OutputCompression.Default, null, copied: (rows, bytes) => steps.Add((rows, bytes)));

        Assert.Equal([5L, 4, 6], steps.Take(3).Select(s => s.Rows));
        Assert.Equal(15, steps.Sum(s => s.Rows));
        Assert.Equal(shard.Length, steps.Sum(s => s.Bytes));
        Assert.All(steps, s => Assert.True(s.Bytes >= 0));
    }

    private static void AssertMagic(byte[] bytes, Compression compression)
    {
        switch (compression)
        {
            case Compression.Gzip:
                Assert.Equal([0x1F, 0x8B], bytes[..2]);
                break;
            case Compression.Zstd:
                Assert.Equal([0x28, 0xB5, 0x2F, 0xFD], bytes[..4]);
                break;
        }
    }

    private static byte[] Concat(IEnumerable<byte[]> lines) => [.. lines.SelectMany(l => l)];
}
