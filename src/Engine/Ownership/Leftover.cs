namespace Dedup.Engine.Ownership;

/// <summary>What became of a folder or lock file a run leaves while it works, found by a later run or <c>dedup clean</c>.</summary>
public enum LeftoverFate
{
    Removed,

    /// <summary>An OUT that a run had moved aside to replace it, and died before it could: moved back.</summary>
    Restored,

    Kept,
}

/// <summary>A leftover, what became of it, and why (whose it is, and whether that process has ended).</summary>
public sealed record Leftover(string Path, LeftoverFate Fate, string Why)
{
    public override string ToString() => $"{Fate.ToString().ToLowerInvariant()} {Path} ({Why})";

    /// <summary>
    /// Removes <paramref name="folder"/>, a <paramref name="what"/> (staging folder, partial folder...)
    /// whose name records <paramref name="owner"/>, when that process has ended; else says why it stays.
    /// </summary>
    public static Leftover RemoveIfEnded(string folder, ProcessOwner? owner, string what)
    {
        if (owner is null)
        {
            return new(folder, LeftoverFate.Kept, $"a {what} that names no owner (an older dedup made it): remove it by hand once no dedup uses it");
        }

        if (!owner.HasEnded)
        {
            return new(folder, LeftoverFate.Kept, $"{what} of {owner}, {(owner.IsHere ? "which is running" : "which this host cannot check")}");
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Another run removed it meanwhile.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(folder, LeftoverFate.Kept, $"{what} of {owner}, which has ended, but it could not be removed: {e.Message}");
        }

        return new(folder, LeftoverFate.Removed, $"{what} of {owner}, which has ended");
    }
}
