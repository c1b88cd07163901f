using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dedup.Engine.Reporting;

/// <summary>Writes and reads report.json (snake_case, indented).</summary>
public static class ReportFile
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string path, RunReport report)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        JsonSerializer.Serialize(stream, report, Json);
        stream.Flush(flushToDisk: true);
    }

    public static RunReport Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<RunReport>(stream, Json) ?? throw new InvalidDataException($"{path}: empty report");
    }
}
