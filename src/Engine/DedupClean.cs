using Dedup.Engine.Output;
using Dedup.Engine.Ownership;
using Dedup.Engine.RunFiles;

namespace Dedup.Engine;

/// <summary>
/// <c>dedup clean [OUT] [--run-dir D]</c>: removes what runs that died left behind, which the next
/// run on the same OUT or task would remove too: beside OUT, staging and work folders (and puts back
/// an OUT a run had moved aside), and OUT's lock file when nobody holds it; in a run folder, partial
/// task folders and free lock files. Only what a process of this host left and that has ended goes.
/// </summary>
public static class DedupClean
{
    public static IReadOnlyList<Leftover> Execute(string? output, string? runDir)
    {
        if (output is null && runDir is null)
        {
            throw new UsageException("give the OUT of a run, its --run-dir, or both.");
        }

        var leftovers = new List<Leftover>();
        if (output is not null)
        {
            string target = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
            leftovers.AddRange(OutputDirectory.CleanBeside(target));
            if (AdvisoryLock.RemoveIfFree(OutputDirectory.LockPath(target), target) is { } outputLock)
            {
                leftovers.Add(outputLock);
            }
        }

        if (runDir is not null)
        {
            leftovers.AddRange(RunLeftovers.Clean(runDir));
        }

        return leftovers;
    }
}
