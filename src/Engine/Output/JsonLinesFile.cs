using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dedup.Engine.Output;

/// <summary>Writes one JSON object per line; non-ASCII text is written as is (readable Chinese ids).</summary>
public sealed class JsonLinesFile : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly FileStream stream;
    private readonly Utf8JsonWriter writer;

    public JsonLinesFile(string path)
    {
        stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        writer = new Utf8JsonWriter(stream, WriterOptions);
    }

    /// <summary>Writes one object: <paramref name="write"/> fills it between the braces.</summary>
    public void WriteLine(Action<Utf8JsonWriter> write)
    {
        writer.WriteStartObject();
        write(writer);
        writer.WriteEndObject();
        writer.Flush();
        writer.Reset();
        stream.WriteByte((byte)'\n');
    }

    public void Dispose()
    {
        writer.Dispose();
        stream.Flush(flushToDisk: true);
        stream.Dispose();
    }
}
