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

    public static List<Entry> Truth()
    {
        var entries = new List<Entry>();
        using var gzip = new GZipStream(File.OpenRead(TruthFile), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            entries.Add(new Entry(
                root.GetProperty("id").GetString()!,
                root.GetProperty("family").GetString()!,
                root.GetProperty("kind").GetString()!,
                root.GetProperty("base").GetString()));
        }

        return entries;
    }
}
