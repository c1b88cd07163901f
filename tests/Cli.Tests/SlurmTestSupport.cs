namespace Dedup.Cli.Tests;

/// <summary>Folder copies for the Slurm launcher's tests.</summary>
public static class SlurmTestSupport
{
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
}
