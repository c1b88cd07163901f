using System.IO.Compression;
using System.Text.Json;

namespace Dedup.Engine.Tests.EndToEnd;

/// <summary>devmix's truth.jsonl.gz: for each variant, its seed and edit profile.</summary>
public static class DevmixTruth
{
    public sealed record Variant(string Id, string SeedId, string Profile);

    public static List<Variant> Variants()
    {
        var variants = new List<Variant>();
        using var file = File.OpenRead(Path.Combine(TestPaths.Devmix, "truth.jsonl.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("role").GetString() == "variant")
            {
                variants.Add(new Variant(root.GetProperty("id").GetString()!, root.GetProperty("seed_id").GetString()!, root.GetProperty("profile").GetString()!));
            }
        }

        return variants;
    }
}
