using System.Text;
using Dedup.Engine.IO;

namespace Dedup.Engine.Tests.IO;

public sealed class JsonlReaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<Compression> Compressions => [Compression.None, Compression.Gzip, Compression.Zstd];

    [Theory]
    [MemberData(nameof(Compressions))]
    public void EveryStatusIsReportedWithItsRowAndProblem(Compression compression)
    {
        var lines = new List<byte[]>
        {
            "{\"id\":\"a\",\"text\":\"hello world\"}"u8.ToArray(),               // 0 Ok
            "   \t"u8.ToArray(),                                                  // 1 BlankLine
            "{\"text\": \"x\",}"u8.ToArray(),                                    // 2 InvalidJson (trailing comma)
            "{\"id\":1,\"other\":\"t\"}"u8.ToArray(),                            // 3 MissingText
            "{\"text\":42}"u8.ToArray(),                                         // 4 TextNotString
            "{\"text\":\"\"}"u8.ToArray(),                                       // 5 EmptyText
            (byte[])[.. "{\"text\":\"caf"u8, 0xC3, 0x28, .. "\"}"u8],            // 6 Repaired (C3 28 is invalid)
            Array.Empty<byte>(),                                                  // 7 BlankLine (empty)
            "[1,2]"u8.ToArray(),                                                  // 8 InvalidJson (not an object)
            "{\"text\":null}"u8.ToArray(),                                       // 9 TextNotString
            "{\"text\":{\"a\":1}}"u8.ToArray(),                                  // 10 TextNotString
            "{\"text\":\"a\"} {\"text\":\"b\"}"u8.ToArray(),                     // 11 InvalidJson (two values)
        };
        var shard = JsonlFiles.Write(folder, "s", Join(lines, "\n"), compression);

        var rows = JsonlFiles.ReadAll(shard, JsonlFiles.Options());

        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), rows.Select(r => r.Row));
        Assert.Equal(
            [RecordStatus.Ok, RecordStatus.BlankLine, RecordStatus.InvalidJson, RecordStatus.MissingText, RecordStatus.TextNotString,
             RecordStatus.EmptyText, RecordStatus.Repaired, RecordStatus.BlankLine, RecordStatus.InvalidJson, RecordStatus.TextNotString,
             RecordStatus.TextNotString, RecordStatus.InvalidJson],
            rows.Select(r => r.Status));
        Assert.Equal("hello world", rows[0].Text);
        Assert.Null(rows[0].Problem);
        Assert.Equal("caf\uFFFD(", rows[6].Text);
        Assert.Equal("invalid UTF-8 replaced by U+FFFD", rows[6].Problem);
        Assert.Equal("field 'text' is missing", rows[3].Problem);
        Assert.Equal("field 'text' is a number, not a string", rows[4].Problem);
        Assert.Equal("field 'text' is null, not a string", rows[9].Problem);
        Assert.Equal("field 'text' is an object, not a string", rows[10].Problem);
        Assert.Equal("field 'text' is an empty string", rows[5].Problem);
        Assert.StartsWith("invalid JSON: ", rows[2].Problem);
        Assert.Contains("at byte 13", rows[2].Problem);
        Assert.Equal("invalid JSON: the line holds an array, not an object", rows[8].Problem);
        Assert.All(rows.Where(r => r.Status is not (RecordStatus.Ok or RecordStatus.Repaired)), r => Assert.Equal("", r.Text));
        Assert.All(rows.Where(r => r.Status != RecordStatus.Ok), r => Assert.False(string.IsNullOrEmpty(r.Problem)));
    }

    [Fact]
    public void IdsAreStringsNumbersBooleansOrTheDefault()
    {
        var shard = JsonlFiles.Write(folder, "dir/ids", string.Join("\n",
            "{\"text\":\"t\",\"id\":\"doc-\\u00e9\\\"1\"}",
            "{\"text\":\"t\",\"id\":12345678901234567890}",
            "{\"text\":\"t\",\"id\":-1.5e3}",
            "{\"text\":\"t\",\"id\":true}",
            "{\"text\":\"t\",\"id\":null}",
            "{\"text\":\"t\",\"id\":{\"x\":1}}",
            "{\"text\":\"t\"}",
            "not json",
            "") + "\n");

        var rows = JsonlFiles.ReadAll(shard, JsonlFiles.Options());

        Assert.Equal(["doc-é\"1", "12345678901234567890", "-1.5e3", "true", "ids.jsonl:4", "ids.jsonl:5", "ids.jsonl:6", "ids.jsonl:7", "ids.jsonl:8"],
            rows.Select(r => r.Id));
    }

    [Fact]
    public void FieldsAreFoundAtTopLevelOnlyAndInAnyOrder()
    {
        var shard = JsonlFiles.Write(folder, "order",
            "{\"meta\":{\"text\":\"nested\",\"id\":\"inner\",\"deep\":[{\"text\":1},[\"text\"]]},\"text\":\"top\",\"n\":[1,{\"id\":2}],\"id\":\"outer\"}\n" +
            "{\"meta\":{\"text\":\"only nested\"},\"id\":\"x\"}\n");

        var rows = JsonlFiles.ReadAll(shard, JsonlFiles.Options());

        Assert.Equal((RecordStatus.Ok, "top", "outer"), (rows[0].Status, rows[0].Text, rows[0].Id));
        Assert.Equal((RecordStatus.MissingText, "x"), (rows[1].Status, rows[1].Id));
    }

    [Fact]
    public void EscapesAreUnescapedIncludingSurrogatePairsAndEscapedNames()
    {
        var shard = JsonlFiles.Write(folder, "esc",
            "{\"te\\u0078t\":\"line1\\nline2\\t\\\"q\\\" \\\\ \\/ \\ud83d\\ude00 \\u00e9\"}\n" +
            "{\"text\":\"lone \\ud800 surrogate\"}\n");

        var rows = JsonlFiles.ReadAll(shard, JsonlFiles.Options());

        Assert.Equal(RecordStatus.Ok, rows[0].Status);
        Assert.Equal("line1\nline2\t\"q\" \\ / \U0001F600 é", rows[0].Text);
        Assert.Equal(RecordStatus.Repaired, rows[1].Status);
        Assert.Equal("lone \uFFFD surrogate", rows[1].Text);
        Assert.Contains("surrogate", rows[1].Problem);
    }

    [Fact]
    public void SeveralTextFieldsAreJoinedInTheGivenOrder()
    {
        var shard = JsonlFiles.Write(folder, "multi", string.Join("\n",
            "{\"body\":\"B\",\"title\":\"T\"}",
            "{\"title\":\"T\"}",
            "{\"title\":\"\",\"body\":\"B\"}",
            "{\"title\":\"\",\"body\":\"\"}",
            "{\"title\":\"T\",\"body\":7}"));

        var rows = JsonlFiles.ReadAll(shard, JsonlFiles.Options("title", "body"));

        Assert.Equal((RecordStatus.Ok, "T\nB"), (rows[0].Status, rows[0].Text));
        Assert.Equal((RecordStatus.MissingText, "field 'body' is missing"), (rows[1].Status, rows[1].Problem));
        Assert.Equal((RecordStatus.Ok, "\nB"), (rows[2].Status, rows[2].Text));
        Assert.Equal(RecordStatus.EmptyText, rows[3].Status);
        Assert.Equal((RecordStatus.TextNotString, "field 'body' is a number, not a string"), (rows[4].Status, rows[4].Problem));
    }

    [Fact]
    public void CrLfBomAndMissingFinalNewlineAreHandled()
    {
        var content = "\uFEFF{\"text\":\"first\"}\r\n\r\n{\"text\":\"last\"}";
        var shard = JsonlFiles.Write(folder, "crlf", content);

        var rows = JsonlFiles.ReadAll(shard, JsonlFiles.Options());

        Assert.Equal([RecordStatus.Ok, RecordStatus.BlankLine, RecordStatus.Ok], rows.Select(r => r.Status));
        Assert.Equal(["first", "", "last"], rows.Select(r => r.Text));
    }

    /// <summary>
    /// `cat a.jsonl b.jsonl` carries b's byte order mark into the middle: its first record reads as a record.
    /// Before, it was invalid JSON there but a record in a filtered copy that had removed the lines above
    /// it (seed `filter 0jT9G8f4-OK2`), so filtering changed how a kept row reads.
    /// </summary>
    [Fact]
    public void AByteOrderMarkStartingALineInTheMiddleIsSkippedToo()
    {
        var shard = JsonlFiles.Write(folder, "concatenated", "{\"text\":\"first\"}\n\uFEFF{\"text\":\"second\"}\n");

        var rows = JsonlFiles.ReadAll(shard, JsonlFiles.Options());

        Assert.Equal([RecordStatus.Ok, RecordStatus.Ok], rows.Select(r => r.Status));
        Assert.Equal(["first", "second"], rows.Select(r => r.Text));
    }

    [Fact]
    public void EmptyFileHasNoRows()
    {
        foreach (var compression in new[] { Compression.None, Compression.Gzip, Compression.Zstd })
        {
            var shard = JsonlFiles.Write(folder, $"empty-{compression}", "", compression);
            Assert.Empty(JsonlFiles.ReadAll(shard, JsonlFiles.Options()));
        }
    }

    [Theory]
    [InlineData(Compression.None)]
    [InlineData(Compression.Gzip)]
    public void FiftyMegabyteSingleLineDocumentIsReadWhole(Compression compression)
    {
        var text = BigText(50 << 20);
        var json = new StringBuilder("{\"text\":\"").Append(text.Replace("\n", "\\n")).Append("\",\"id\":\"big\"}").ToString();
        var shard = JsonlFiles.Write(folder, "big", "{\"text\":\"before\"}\n" + json + "\n{\"text\":\"after\"}\n", compression);

        using var reader = ShardReaders.Open(shard, JsonlFiles.Options());
        Assert.True(reader.Read());
        Assert.Equal("before", Encoding.UTF8.GetString(reader.Text));
        Assert.True(reader.Read());
        Assert.Equal(RecordStatus.Ok, reader.Status);
        Assert.Equal("big", reader.Id);
        Assert.True(reader.Text.SequenceEqual(Encoding.UTF8.GetBytes(text)));
        Assert.True(reader.Read());
        Assert.Equal((2L, "after"), (reader.Row, Encoding.UTF8.GetString(reader.Text)));
        Assert.False(reader.Read());
    }

    [Fact]
    public void TruncatedGzipRaisesShardReadExceptionNamingTheFile()
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20000).Select(i => $"{{\"text\":\"row {i} {i * 7919}\"}}\n")));
        var packed = JsonlFiles.Compress(content, Compression.Gzip);
        var path = folder.Write("cut.jsonl.gz", packed[..(packed.Length / 2)]);
        var shard = ShardDiscovery.Discover([path])[0];

        var e = Assert.Throws<ShardReadException>(() => JsonlFiles.ReadAll(shard, JsonlFiles.Options()));

        Assert.Equal(path, e.FilePath);
        Assert.NotNull(e.Row);
        Assert.Contains(path, e.Message);
        Assert.Contains($"row {e.Row}", e.Message);
        Assert.Contains("gzip", e.Message);
    }

    [Fact]
    public void GzipMissingOnlyItsTrailerIsTruncatedToo()
    {
        var packed = JsonlFiles.Compress("{\"text\":\"a\"}\n"u8.ToArray(), Compression.Gzip);
        var path = folder.Write("trailer.jsonl.gz", packed[..^4]);

        var e = Assert.Throws<ShardReadException>(() => JsonlFiles.ReadAll(ShardDiscovery.Discover([path])[0], JsonlFiles.Options()));

        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void TruncatedOrCorruptZstdRaisesShardReadException()
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20000).Select(i => $"{{\"text\":\"row {i}\"}}\n")));
        var packed = JsonlFiles.Compress(content, Compression.Zstd);
        var cut = folder.Write("cut.jsonl.zst", packed[..(packed.Length - 3)]);
        var junk = folder.Write("junk.jsonl.zst", "this is not zstd data"u8.ToArray());

        var e1 = Assert.Throws<ShardReadException>(() => JsonlFiles.ReadAll(ShardDiscovery.Discover([cut])[0], JsonlFiles.Options()));
        var e2 = Assert.Throws<ShardReadException>(() => JsonlFiles.ReadAll(ShardDiscovery.Discover([junk])[0], JsonlFiles.Options()));

        Assert.Contains(cut, e1.Message);
        Assert.Contains("zstd", e1.Message);
        Assert.Equal(0, e2.Row);
        Assert.Contains(junk, e2.Message);
    }

    [Fact]
    public void FileRemovedAfterDiscoveryRaisesShardReadExceptionOnFirstRead()
    {
        var shard = JsonlFiles.Write(folder, "gone", "{\"text\":\"a\"}\n");
        File.Delete(shard.FullPath);

        using var reader = ShardReaders.Open(shard, JsonlFiles.Options());
        var e = Assert.Throws<ShardReadException>(() => reader.Read());

        Assert.Contains(shard.FullPath, e.Message);
    }

    /// <summary>Mixed ASCII, multi-byte text and newlines, exactly <paramref name="length"/> chars long.</summary>
    internal static string BigText(int length)
    {
        const string unit = "The quick brown fox — 素早い茶色の狐 — jumps.\n";
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString(0, length);
    }

    private static byte[] Join(IEnumerable<byte[]> lines, string separator) =>
        [.. lines.SelectMany((line, i) => i == 0 ? line : [.. Encoding.UTF8.GetBytes(separator), .. line])];
}
