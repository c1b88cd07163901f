using System.Text;
using System.Text.Json;
using Dedup.Engine.IO;
using Dedup.Engine.Tests.EndToEnd;

namespace Dedup.Engine.Tests.IO;

public sealed class ShardFieldCheckTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(Compression.None)]
    [InlineData(Compression.Gzip)]
    [InlineData(Compression.Zstd)]
    public void MissingTextFieldNamesTheFieldTheShardAndTheFieldsItHas(Compression compression)
    {
        var shard = JsonlFiles.Write(folder, "a", Record("a", "text", "one") + Record("b", "text", "two"), compression);

        var e = Assert.Throws<InputException>(() => ShardFieldCheck.Check([shard], ["body"], null));

        Assert.Equal($"--text-field body: {shard.FullPath}: no such field in its first 2 records (their fields: 'id', 'text'). Give the field that holds the text; names are case-sensitive.", e.Message);
    }

    [Fact]
    public void EachTextFieldMustBeInSomeOfTheFirstRecords()
    {
        var shard = JsonlFiles.Write(folder, "qa", "{\"id\":1,\"question\":\"q\"}\n\nnot json\n{\"id\":2,\"question\":\"q\",\"answer\":\"a\"}\n");

        ShardFieldCheck.Check([shard], ["question", "answer"], null);
        var e = Assert.Throws<InputException>(() => ShardFieldCheck.Check([shard], ["question", "Answer"], null));
        Assert.StartsWith($"--text-field Answer: {shard.FullPath}: ", e.Message);
    }

    [Fact]
    public void OnlyTheHeadIsRead()
    {
        var lines = new StringBuilder();
        for (int i = 0; i < ShardFieldCheck.HeadRecords; i++)
        {
            lines.Append(Record($"d{i}", "text", "words"));
        }

        var shard = JsonlFiles.Write(folder, "late", lines.Append(Record("last", "body", "words")).ToString());

        var e = Assert.Throws<InputException>(() => ShardFieldCheck.Check([shard], ["body"], null));
        Assert.Contains("its first 1,000 records", e.Message);
    }

    [Fact]
    public void ARecordLongerThanTheHeadShowsTheFieldsBeforeTheCut()
    {
        string big = new('w', ShardFieldCheck.HeadBytes + 1000);
        var shard = JsonlFiles.Write(folder, "big", Record("big", "text", big) + Record("small", "body", "words"));

        ShardFieldCheck.Check([shard], ["text"], "id");
        var e = Assert.Throws<InputException>(() => ShardFieldCheck.Check([shard], ["body"], null));
        Assert.Contains("no such field in its first record (its fields: 'id', 'text')", e.Message);
    }

    [Fact]
    public void TheIdFieldIsCheckedOnlyWhenNamed()
    {
        var shard = JsonlFiles.Write(folder, "a", "{\"uid\":\"a\",\"text\":\"one\"}\n");

        ShardFieldCheck.Check([shard], ["text"], null);
        ShardFieldCheck.Check([shard], ["text"], "uid");
        var e = Assert.Throws<InputException>(() => ShardFieldCheck.Check([shard], ["text"], "id"));
        Assert.StartsWith($"--id-field id: {shard.FullPath}: no such field in its first record (its fields: 'uid', 'text'). Give the field that names the documents, or leave --id-field out", e.Message);
    }

    [Fact]
    public void ShardsWithoutRecordsAreNotJudged()
    {
        var empty = JsonlFiles.Write(folder, "empty", string.Empty);
        var blank = JsonlFiles.Write(folder, "blank", "\n\nnot json\n[1, 2]\n");

        ShardFieldCheck.Check([empty, blank], ["body"], "uid");
    }

    [Fact]
    public void TheFirstShardInOrderThatLacksTheFieldIsNamed()
    {
        var good = JsonlFiles.Write(folder, "a", Record("a", "body", "one"));
        var bad = Enumerable.Range(0, 5).Select(i => JsonlFiles.Write(folder, $"b{i}", Record($"b{i}", "text", "two"))).ToList();

        var e = Assert.Throws<InputException>(() => ShardFieldCheck.Check([good, .. bad], ["body"], null));
        Assert.Contains(bad[0].FullPath + ":", e.Message);
    }

    [Fact]
    public void TheListedFieldsAreBoundedCutShortAndEscaped()
    {
        var fields = new Dictionary<string, string> { ["line\nbreak"] = "x", ["esc\u001b[31m"] = "x", [new string('n', 100)] = "x" };
        for (int i = 0; i < 30; i++)
        {
            fields[$"f{i}"] = "x";
        }

        var shard = JsonlFiles.Write(folder, "wide", JsonSerializer.Serialize(fields) + "\n");

        var e = Assert.Throws<InputException>(() => ShardFieldCheck.Check([shard], ["text"], null));
        Assert.Contains("'line\\nbreak', 'esc\\u001b[31m', '" + new string('n', 40) + "…', 'f0'", e.Message);
        Assert.Contains("'f16' and 13 more)", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\u001b', e.Message);
    }

    [Fact]
    public async Task MissingParquetColumnNamesTheColumnsTheShardHas()
    {
        var path = await ParquetFiles.WriteStringsAsync(folder.PathOf("p.parquet"), ("content", ["one", "two"]), ("id", ["a", "b"]));
        var shard = ShardDiscovery.Discover([path])[0];

        ShardFieldCheck.Check([shard], ["content"], "id");
        var e = Assert.Throws<InputException>(() => ShardFieldCheck.Check([shard], ["text"], null));
        Assert.Equal($"--text-field text: {path}: no such column (its columns: 'content', 'id'). Give the field that holds the text; names are case-sensitive.", e.Message);
        Assert.Contains("--id-field uid", Assert.Throws<InputException>(() => ShardFieldCheck.Check([shard], ["content"], "uid")).Message);
    }

    [Fact]
    public async Task ARunWithAMissingFieldStopsBeforeItWritesAnything()
    {
        await ParquetFiles.WriteStringsAsync(folder.PathOf("in/p.parquet"), ("content", ["one two three four five six"]));
        var options = DevmixRunFixture.Options(folder.PathOf("in"), Path.Combine(folder.Root, "out"));

        Assert.Throws<InputException>(() => DedupRun.Execute(options, new CollectingLog()));
        Assert.Equal(["in"], folder.Entries());
    }

    private static string Record(string id, string field, string text) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id, [field] = text }) + "\n";
}
