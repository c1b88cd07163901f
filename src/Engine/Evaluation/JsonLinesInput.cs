using System.IO.Compression;
using System.Text.Json;
using Dedup.Engine.IO;
using ZstdSharp;

namespace Dedup.Engine.Evaluation;

/// <summary>
/// Reads the small JSONL files eval takes (truth files, clusters.jsonl): plain, gzip or zstd, told
/// apart by their first bytes so that a truth file need not be named after its compression.
/// </summary>
internal static class JsonLinesInput
{
    /// <summary>
    /// Calls <paramref name="visit"/> with each non-blank line's object and its 1-based line number.
    /// The element is only valid during the call.
    /// </summary>
    public static void ForEach(string path, Action<JsonElement, long> visit)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"'{Path.GetFullPath(path)}' does not exist. Check the path.");
        }

        using var reader = new StreamReader(Open(path));
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                throw new InputException($"{path} line {line}: not valid JSON ({e.Message}). Each line must be one JSON object.");
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new InputException($"{path} line {line}: expected a JSON object, found {document.RootElement.ValueKind}.");
                }

                visit(document.RootElement, line);
            }
        }
    }

    /// <summary>A field naming a document: a string as is, a number as its JSON text (as the shard readers take ids).</summary>
    public static string IdField(JsonElement row, string field, string path, long line) =>
        row.TryGetProperty(field, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? (value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText())
            : throw new InputException($"{path} line {line}: field '{field}' is missing or not a string or number.");

    private static Stream Open(string path)
    {
        var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        int read = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        file.Position = 0;
        if (read >= 2 && magic[0] == 0x1F && magic[1] == 0x8B)
        {
            return new GZipStream(file, CompressionMode.Decompress);
        }

        if (read == 4 && magic.SequenceEqual((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD]))
        {
            return new DecompressionStream(file, leaveOpen: false);
        }

        return file;
    }
}
