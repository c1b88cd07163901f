namespace Dedup.Cli.Tests;

/// <summary>Paths and folder comparisons for the Slurm launcher's tests.</summary>
public static class SlurmTestSupport
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SamplesCorpus => Path.Combine(RepositoryRoot, "samples", "corpus");

    /// <summary>../shared beside the checkout (CI puts it there).</summary>
    public static string Shared
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"{path} is missing: the tests need ../shared beside the checkout");
        }
    }

    /// <summary>Copies a folder tree (the inputs, so that a test may put them under a path with spaces).</summary>
    public static void Copy(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>
    /// Asserts that <paramref name="actual"/> holds the same shards, clusters.jsonl and removed/ files
    /// as <paramref name="expected"/>, byte for byte (the reports hold timings, so they differ).
    /// </summary>
    public static void AssertSameOutputs(string expected, string actual)
    {
        static SortedSet<string> Files(string root) => new(
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f))
                .Where(f => f is not ("report.json" or "report.html")),
            StringComparer.Ordinal);

        var files = Files(expected);
        Assert.Contains("clusters.jsonl", files);
        Assert.Contains(files, f => f.StartsWith("removed", StringComparison.Ordinal));
        Assert.Equal(files, Files(actual));
        foreach (string file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} differs between {expected} and {actual}");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dedup.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Dedup.sln not found above the test binaries");
    }
}
