using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dedup.Engine.Output;

/// <summary>
/// Writes one JSON object per line into a stream it leaves open (<see cref="IO.DurableFile"/> gives
/// it one); non-ASCII text is written as is (readable Chinese ids).
/// </summary>
public sealed class JsonLinesFile : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream stream;
    private readonly Utf8JsonWriter writer;

    public JsonLinesFile(Stream stream)
    {
        this.stream = stream;
        writer = new Utf8JsonWriter(stream, WriterOptions);
    }

    /// <summary>Writes one object: <paramref name="write"/> fills it between the braces.</summary>
    public void WriteLine(Action<Utf8JsonWriter> write)
    {
        StartLine(write);
        EndLine(_ => { });
    }

    /// <summary>Opens an object and writes its start; <see cref="Continue"/> adds to it, <see cref="EndLine"/> closes it.</summary>
    /// <remarks>For lines too long to build in memory (a cluster's members).</remarks>
    public void StartLine(Action<Utf8JsonWriter> write)
    {
        writer.WriteStartObject();
        write(writer);
    }

    public void Continue(Action<Utf8JsonWriter> write)
    {
        write(writer);
        if (writer.BytesPending > 1 << 16)
        {
            writer.Flush();
        }
    }

    public void EndLine(Action<Utf8JsonWriter> write)
    {
        write(writer);
        writer.WriteEndObject();
        writer.Flush();
        writer.Reset();
        stream.WriteByte((byte)'\n');
    }

    public void Dispose() => writer.Dispose();
}
