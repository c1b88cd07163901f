using System.Text.Json.Nodes;

namespace Dedup.Reliability;

/// <summary>
/// Compares two runs' outputs: the same files, byte for byte (shards, clusters.jsonl, removed/). The
/// reports hold timings: they are left out, or, with <c>reports</c>, report.json is compared without the
/// fields that differ between two runs of the same program on the same inputs, and report.html (which
/// prints the timings) only has to be there.
/// </summary>
public static class OutputComparison
{
    /// <summary>report.json's fields that hold times, peak memory and the program's version.</summary>
    private static readonly string[] RunFields = ["stage_seconds", "peak_memory_bytes", "version"];

    /// <summary>What differs, one line each ("missing x", "extra y", "z differs"); empty when the outputs are the same.</summary>
    public static List<string> Differences(string expected, string actual, bool reports = false)
    {
        var want = Files(expected, reports);
        var have = Files(actual, reports);
        var differences = new List<string>();
        differences.AddRange(want.Except(have).Select(f => $"missing {f}"));
        differences.AddRange(have.Except(want).Select(f => $"extra {f}"));
        foreach (string file in want.Intersect(have))
        {
            string a = Path.Combine(expected, file);
            string b = Path.Combine(actual, file);
            bool same = file switch
            {
                "report.json" => ReportWithoutRunFields(a) == ReportWithoutRunFields(b),
                "report.html" => true,
                _ => File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b)),
            };
            if (!same)
            {
                differences.Add($"{file} differs between {expected} and {actual}");
            }
        }

        return differences;
    }

    private static SortedSet<string> Files(string root, bool reports) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => reports || f is not ("report.json" or "report.html")),
        StringComparer.Ordinal);

    private static string ReportWithoutRunFields(string path)
    {
        var report = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (string field in RunFields)
        {
            report.Remove(field);
        }

        return report.ToJsonString();
    }
}
