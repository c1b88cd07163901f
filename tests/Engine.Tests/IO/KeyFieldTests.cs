using Dedup.Engine.IO;

namespace Dedup.Engine.Tests.IO;

/// <summary>The --keep key field is read from JSONL and Parquet like the id, and is null when absent.</summary>
public sealed class KeyFieldTests
{
    [Fact]
    public void JsonlKeyIsTheFieldsScalarTextOrNull()
    {
        using var folder = new TempFolder();
        var shard = JsonlFiles.Write(folder, "k", "{\"text\":\"a\",\"ts\":\"2024-01-01\"}\n{\"ts\":17.5,\"text\":\"b\"}\n{\"text\":\"c\"}\n{\"text\":\"d\",\"ts\":{\"nested\":1}}\n");
        using var reader = ShardReaders.Open(shard, new ReaderOptions(["text"], "id", "ts"));
        var keys = new List<string?>();
        while (reader.Read())
        {
            keys.Add(reader.Key);
        }

        Assert.Equal(["2024-01-01", "17.5", null, null], keys);
    }

    [Fact]
    public async Task ParquetKeyIsTheColumnsValueOrNull()
    {
        using var folder = new TempFolder();
        string path = await ParquetFiles.WriteStringsAsync(folder.PathOf("k.parquet"), ("text", ["a", "b"]), ("ts", ["2024-01-01", null]));
        using var reader = ShardReaders.Open(ShardDiscovery.Discover([path])[0], new ReaderOptions(["text"], "id", "ts"));
        Assert.True(reader.Read());
        Assert.Equal("2024-01-01", reader.Key);
        Assert.True(reader.Read());
        Assert.Null(reader.Key);
    }

    [Fact]
    public void NoKeyFieldMeansNoKey()
    {
        using var folder = new TempFolder();
        var shard = JsonlFiles.Write(folder, "k", "{\"text\":\"a\",\"ts\":1}\n");
        using var reader = ShardReaders.Open(shard, new ReaderOptions(["text"], "id"));
        Assert.True(reader.Read());
        Assert.Null(reader.Key);
    }
}
