namespace Dedup.Tests.Shared;

/// <summary>Where the repository and the shared development data are. Compiled into each test project.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared beside the checkout (CI puts it there).</summary>
    public static string Shared
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"{path} is missing: the tests need ../shared beside the checkout");
        }
    }

    /// <summary>../shared/data/devmix.</summary>
    public static string Devmix => Path.Combine(Shared, "data", "devmix");

    /// <summary>The sample corpus kept in the repository.</summary>
    public static string SamplesCorpus => Path.Combine(RepositoryRoot, "samples", "corpus");

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
