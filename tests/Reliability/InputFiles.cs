using System.IO.Hashing;

namespace Dedup.Reliability;

/// <summary>The XXH3 of every file under a folder, to prove that nothing that only reads its inputs changed one.</summary>
public static class InputFiles
{
    public static SortedDictionary<string, ulong> Hashes(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => XxHash3.HashToUInt64(File.ReadAllBytes(f))),
        StringComparer.Ordinal);

    /// <summary>Throws a <see cref="PropertyViolation"/> unless the files under <paramref name="folder"/> are those hashed in <paramref name="before"/>, byte for byte.</summary>
    public static void Unchanged(string folder, SortedDictionary<string, ulong> before, string by)
    {
        var after = Hashes(folder);
        var changed = before.Keys.Union(after.Keys)
            .Where(f => !before.TryGetValue(f, out ulong b) || !after.TryGetValue(f, out ulong a) || a != b)
            .ToArray();
        PropertyViolation.Unless(changed.Length == 0, $"{by} changed its inputs: {string.Join(", ", changed)}");
    }
}
