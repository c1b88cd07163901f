using Dedup.Engine.IO;
using Dedup.Engine.Plan;

namespace Dedup.Engine.RunFiles;

/// <summary>
/// Where a run folder may lie, its paths compared as the files they name (<see cref="ResolvedPath"/>):
/// outside every input (a later run would read its files as shards: clusters.jsonl is one), not OUT
/// and not inside it (--overwrite would delete it with the old OUT), and with neither OUT nor an
/// input in its own entries (run.json and the stage folders, which a run writes and deletes). OUT
/// elsewhere inside the run folder is fine: <c>dedup plan</c> puts it at RUN_DIR/output.
/// </summary>
internal static class RunFolderPlacement
{
    public static void Check(string runDir, string output, IEnumerable<string> inputs)
    {
        var run = ResolvedPath.Of(runDir);
        if (FileStatus.Of(run.Real) is { Exists: true, Kind: not FileKind.Directory } status)
        {
            throw new UsageException($"the run folder {runDir} is {status.KindName}, not a folder; give a folder.");
        }

        var target = ResolvedPath.Of(output);
        if (run.IsSameOrInside(target))
        {
            throw new UsageException(
                $"the run folder {runDir} {(target.IsSameOrInside(run) ? "is" : "lies inside")} the output {output}; the run would delete it when it replaces the output. "
                + "Choose a run folder outside the output (a staged run's output is RUN_DIR/output by default).");
        }

        if (OwnEntry(run, target) is string entry)
        {
            throw new UsageException($"the output {output} lies in {entry}, which the run folder {runDir} uses for its own files. Give another output folder, e.g. {Path.Combine(runDir, "output")}.");
        }

        foreach (var input in InputLocations.Of(inputs))
        {
            if (input.IsFolder && run.IsSameOrInside(input.Path))
            {
                throw new UsageException($"the run folder {runDir} lies inside the input {input.Describe()}; a later run would read its files as input. Choose a run folder outside the inputs.");
            }

            if (OwnEntry(run, input.Path) is string own)
            {
                throw new UsageException($"the input {input.Describe()} lies in {own}, which the run folder {runDir} uses for its own files and deletes. Move the input, or choose another run folder.");
            }
        }
    }

    /// <summary>The entry of the run folder's own (run.json, a stage's folder) that <paramref name="path"/> is or lies in.</summary>
    private static string? OwnEntry(ResolvedPath run, ResolvedPath path) =>
        Enum.GetValues<Stage>().Select(s => s.Name()).Append(RunFileNames.Plan)
            .Select(name => Path.Join(run.Real, name))
            .FirstOrDefault(entry => ResolvedPath.IsSameOrInside(path.Real, entry));
}
