namespace Dedup.Tests.Shared;

/// <summary>Compares two runs' outputs. Compiled into each test project.</summary>
public static class SameOutputs
{
    /// <summary>
    /// Asserts that <paramref name="actual"/> holds the same files as <paramref name="expected"/>, byte for
    /// byte: shards, clusters.jsonl, removed/ (the reports hold timings, so they are left out).
    /// </summary>
    public static void Assert(string expected, string actual)
    {
        var files = Files(expected);
        Xunit.Assert.Equal(files, Files(actual));
        foreach (string file in files)
        {
            Xunit.Assert.True(
                File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))),
                $"{file} differs between {expected} and {actual}");
        }
    }

    private static SortedSet<string> Files(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => f is not ("report.json" or "report.html")),
        StringComparer.Ordinal);
}
