using System.Text.Encodings.Web;
using System.Text.Json;
using Dedup.Engine.IO;
using Dedup.Engine.Output;

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

    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/>, whole or not at all.</summary>
    public static void Write(string path, RunReport report) =>
        DurableFile.Write(path, stream => JsonSerializer.Serialize(stream, report, Json));

    public static RunReport Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<RunReport>(stream, Json) ?? throw new InvalidDataException($"{path}: empty report");
    }

    /// <summary>The report in the output folder of a finished run (eval, inspect); an <see cref="InputException"/> when there is none.</summary>
    public static RunReport ReadFinished(string outputFolder)
    {
        string path = Path.Combine(outputFolder, OutputNames.Report);
        if (!File.Exists(path))
        {
            throw new InputException($"'{Path.GetFullPath(path)}' does not exist: give the output folder of a finished dedup run.");
        }

        try
        {
            return Read(path);
        }
        catch (JsonException e)
        {
            throw new InputException($"'{Path.GetFullPath(path)}' is not a dedup report ({e.Message}).");
        }
    }
}
