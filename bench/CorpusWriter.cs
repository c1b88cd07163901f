using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dedup.Bench;

/// <summary>
/// Writes documents as JSONL shards <c>part-NNNNN.jsonl[.gz]</c>, one line at a time, so nothing but the
/// current line is held; a shard is closed when the text written reaches its share of the target.
/// </summary>
public sealed class CorpusWriter : IDisposable
{
    // Unescaped non-ASCII, as real corpora are written: \u escapes would inflate the files and change the parsing work.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string folder;
    private readonly int shards;
    private readonly bool gzip;
    private readonly long targetBytes;
    private readonly Utf8JsonWriter json = new(Stream.Null, JsonOptions);
    private Stream? stream;
    private int current = -1;

    public CorpusWriter(string folder, int shards, bool gzip, long targetBytes)
    {
        this.folder = folder;
        this.shards = shards;
        this.gzip = gzip;
        this.targetBytes = targetBytes;
    }

    /// <summary>UTF-8 bytes of text written so far (the text fields, not the files).</summary>
    public long TextBytes { get; private set; }

    /// <summary>Writes into the shard the text written so far has reached (of the target bytes).</summary>
    public void Write(GeneratedDocument document) => Write(document, TextBytes, targetBytes);

    /// <summary>Writes into the shard that <paramref name="done"/> of <paramref name="total"/> (documents, say) has reached.</summary>
    public void Write(GeneratedDocument document, long done, long total)
    {
        int shard = (int)Math.Min(shards - 1, done * shards / total);
        while (current < shard)
        {
            OpenNext();
        }

        json.Reset(stream!);
        json.WriteStartObject();
        json.WriteString("id", document.Id);
        json.WriteString("text", document.Text);
        json.WriteString("src", document.Src);
        json.WriteEndObject();
        json.Flush();
        stream!.WriteByte((byte)'\n');
        TextBytes += Encoding.UTF8.GetByteCount(document.Text);
    }

    /// <summary>Closes the last shard; shards the text never reached are still created (empty), so there are always as many as asked for.</summary>
    public void Dispose()
    {
        // The JSON writer first: it flushes into the shard it last wrote, which must still be open.
        json.Dispose();
        while (current < shards - 1)
        {
            OpenNext();
        }

        stream?.Dispose();
    }

    private void OpenNext()
    {
        stream?.Dispose();
        current++;
        string path = Path.Combine(folder, $"part-{current:D5}.jsonl{(gzip ? ".gz" : "")}");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
    }
}
