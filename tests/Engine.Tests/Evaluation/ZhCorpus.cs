using System.IO.Compression;
using System.Text.Json;

namespace Dedup.Engine.Tests.Evaluation;

/// <summary>tests/data/zh: the Chinese corpus with injected near-duplicates and its truth (README.md there).</summary>
public static class ZhCorpus
{
    public sealed record Entry(string Id, string Family, string Kind, string? Base);

    public static string Folder => Path.Combine(TestPaths.RepositoryRoot, "tests", "data", "zh");

    public static string Shards => Path.Combine(Folder, "corpus");

    public static string ShortShard => Path.Combine(Shards, "qa.jsonl.gz");

    public static string TruthFile => Path.Combine(Folder, "truth.jsonl.gz");

    public static List<Entry> Truth() =>
        JsonLines(TruthFile).Select(root => new Entry(
            root.GetProperty("id").GetString()!,
            root.GetProperty("family").GetString()!,
            root.GetProperty("kind").GetString()!,
            root.GetProperty("base").GetString())).ToList();

    /// <summary>Every document's text by id, from all shards.</summary>
    public static Dictionary<string, string> Texts() =>
        Directory.GetFiles(Shards, "*.jsonl.gz").SelectMany(JsonLines)
            .ToDictionary(root => root.GetProperty("id").GetString()!, root => root.GetProperty("text").GetString()!);

    private static IEnumerable<JsonElement> JsonLines(string gzipFile)
    {
        using var gzip = new GZipStream(File.OpenRead(gzipFile), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            yield return doc.RootElement.Clone();
        }
    }
}
