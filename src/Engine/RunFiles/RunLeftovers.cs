using Dedup.Engine.IO;
using Dedup.Engine.Ownership;
using Dedup.Engine.Plan;

namespace Dedup.Engine.RunFiles;

/// <summary>
/// What attempts that died leave in a run folder: partial task folders (named with their host and
/// pid, <see cref="RunFolder.PartialPrefix"/>) and lock files (a killed holder's stays; the lock
/// itself went with the process).
/// </summary>
public static class RunLeftovers
{
    private const string Partial = ".partial-";

    /// <summary>Removes the partial folders of <paramref name="task"/>'s attempts whose process has ended; an attempt calls it before it starts.</summary>
    public static IReadOnlyList<Leftover> RemoveEndedAttempts(string stageFolder, int task)
    {
        string prefix = RunFolder.PartialPrefix(task);
        return Directory.EnumerateDirectories(stageFolder, prefix + "*")
            .Select(folder => Leftover.RemoveIfEnded(folder, ProcessOwner.FromName(Path.GetFileName(folder), prefix), "partial task folder"))
            .ToList();
    }

    /// <summary>
    /// <c>dedup clean --run-dir</c>: in every stage folder, the partial folders of attempts whose
    /// process has ended and the lock files nobody holds; the run folder's own lock file when free.
    /// Finished tasks are never touched.
    /// </summary>
    public static IReadOnlyList<Leftover> Clean(string runDir)
    {
        string full = Path.GetFullPath(runDir).TrimEnd(Path.DirectorySeparatorChar);
        if (!File.Exists(Path.Combine(full, RunFileNames.Plan)))
        {
            throw new InputException($"{runDir} is not a run folder (it has no {RunFileNames.Plan}); give the --run-dir of a run.");
        }

        var leftovers = new List<Leftover>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            string folder = Path.Combine(full, stage.Name());
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string partial in Directory.EnumerateDirectories(folder, $".task-*{Partial}*").Order(StringComparer.Ordinal))
            {
                string name = Path.GetFileName(partial);
                string prefix = name[..(name.IndexOf(Partial, StringComparison.Ordinal) + Partial.Length)];
                leftovers.Add(Leftover.RemoveIfEnded(partial, ProcessOwner.FromName(name, prefix), "partial task folder"));
            }

            foreach (string lockFile in Directory.EnumerateFiles(folder, ".task-*.lock").Order(StringComparer.Ordinal))
            {
                string task = Path.GetFileNameWithoutExtension(lockFile)[1..];
                AddIfAny(leftovers, AdvisoryLock.RemoveIfFree(lockFile, $"{stage.Name()} {task}"));
            }
        }

        AddIfAny(leftovers, AdvisoryLock.RemoveIfFree(Path.Combine(full, RunFileNames.Lock), full));
        return leftovers;
    }

    private static void AddIfAny(List<Leftover> leftovers, Leftover? leftover)
    {
        if (leftover is not null)
        {
            leftovers.Add(leftover);
        }
    }
}
