using System.IO.Compression;
using System.Text;
using Dedup.Engine.IO;
using ZstdSharp;

namespace Dedup.Engine.Tests.IO;

/// <summary>Builds JSONL shards in every compression and reads shards back for assertions.</summary>
internal static class JsonlFiles
{
    public static ReaderOptions Options(params string[] textFields) => new(textFields.Length == 0 ? ["text"] : textFields, "id");

    public static string Suffix(Compression compression) => compression switch
    {
        Compression.Gzip => ".jsonl.gz",
        Compression.Zstd => ".jsonl.zst",
        _ => ".jsonl",
    };

    public static byte[] Compress(byte[] data, Compression compression)
    {
        if (compression == Compression.None)
        {
            return data;
        }

        using var packed = new MemoryStream();
        using (Stream writer = compression == Compression.Gzip
            ? new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)
            : new CompressionStream(packed, 3, leaveOpen: true))
        {
            writer.Write(data);
        }

        return packed.ToArray();
    }

    public static byte[] Decompress(byte[] data, Compression compression)
    {
        if (compression == Compression.None)
        {
            return data;
        }

        using Stream reader = compression == Compression.Gzip
            ? new GZipStream(new MemoryStream(data), CompressionMode.Decompress)
            : new DecompressionStream(new MemoryStream(data), leaveOpen: false);
        using var plain = new MemoryStream();
        reader.CopyTo(plain);
        return plain.ToArray();
    }

    /// <summary>Writes <paramref name="content"/> as "name" plus the compression's suffix and discovers it as a shard.</summary>
    public static Shard Write(TempFolder folder, string name, byte[] content, Compression compression = Compression.None)
    {
        var path = folder.Write(name + Suffix(compression), Compress(content, compression));
        return ShardDiscovery.Discover([path])[0];
    }

    public static Shard Write(TempFolder folder, string name, string content, Compression compression = Compression.None) =>
        Write(folder, name, Encoding.UTF8.GetBytes(content), compression);

    public static List<RowSnapshot> ReadAll(Shard shard, ReaderOptions options)
    {
        var rows = new List<RowSnapshot>();
        using var reader = ShardReaders.Open(shard, options);
        while (reader.Read())
        {
            rows.Add(new RowSnapshot(reader.Row, reader.Status, reader.Id, Encoding.UTF8.GetString(reader.Text), reader.Problem));
        }

        Assert.False(reader.Read());
        return rows;
    }
}
