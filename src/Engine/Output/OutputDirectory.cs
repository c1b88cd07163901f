using Dedup.Engine.IO;
using Dedup.Engine.Ownership;

namespace Dedup.Engine.Output;

/// <summary>
/// Makes the outputs of a run appear whole or not at all: everything is written into a hidden
/// staging folder beside OUT and moved into place only when the run has finished. A run that
/// fails leaves OUT as it was. While open it holds OUT's lock (.OUT.dedup-lock beside it: OUT
/// itself is replaced at the commit), so a second run on the same OUT fails at once. The folders
/// it makes beside OUT (.OUT.dedup-staging-, -work-, -old-HOST-PID-GUID) name their process, so
/// the next run on OUT, or <c>dedup clean</c>, removes those of runs that died.
/// </summary>
public sealed class OutputDirectory : IDisposable
{
    private const string StagingKind = "staging";
    private const string WorkKind = "work";
    private const string OldKind = "old";

    private readonly string target;
    private readonly bool overwrite;
    private readonly AdvisoryLock outputLock;
    private bool committed;
    private bool keepStaging;

    private OutputDirectory(string target, bool overwrite, AdvisoryLock outputLock, IReadOnlyList<Leftover> leftovers)
    {
        this.target = target;
        this.overwrite = overwrite;
        this.outputLock = outputLock;
        Leftovers = leftovers;
        Staging = BesideTarget(StagingKind);
        Directory.CreateDirectory(Staging);
    }

    /// <summary>The folder to write into; it becomes OUT on <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>OUT, as a full path.</summary>
    public string Target => target;

    /// <summary>What <see cref="Open"/> found beside OUT of runs before, and did with it.</summary>
    public IReadOnlyList<Leftover> Leftovers { get; }

    /// <summary>
    /// Checks OUT against the inputs, takes its lock, removes what dead runs left beside it, and
    /// opens a staging folder. OUT must not lie inside an input, no input may lie inside OUT, OUT must
    /// be a folder that can be replaced (not a mount point), and a non-empty OUT is replaced only with
    /// <paramref name="overwrite"/>. A symlinked OUT is followed: the folder it leads to is replaced, the
    /// link is kept. Throws <see cref="InUseException"/> while another run holds OUT.
    /// </summary>
    public static OutputDirectory Open(string output, IEnumerable<string> inputs, bool overwrite)
    {
        string target = CheckPlacement(output, inputs);
        CheckReplaceable(output, target);
        var outputLock = Lock(target);
        try
        {
            var leftovers = CleanBeside(target);
            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !overwrite)
            {
                throw new UsageException($"the output folder {output} is not empty. Pass --overwrite to replace its contents, or choose an empty folder.");
            }

            return new OutputDirectory(target, overwrite, outputLock, leftovers);
        }
        catch
        {
            outputLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Takes the lock of the output folder <paramref name="output"/>: <c>dedup run</c> holds it for
    /// the whole run, a staged run's report step while it publishes into OUT.
    /// </summary>
    public static AdvisoryLock Lock(string output)
    {
        string target = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        return AdvisoryLock.Acquire(LockPath(target), target);
    }

    /// <summary>
    /// What runs that died left beside OUT: staging and work folders of ended processes of this host
    /// are removed, an OUT a run had moved aside to replace it is put back when OUT is missing (the
    /// run died between the two moves of its commit), and the rest is kept (live, another host's, or
    /// from an older dedup, which named no owner).
    /// </summary>
    public static IReadOnlyList<Leftover> CleanBeside(string target)
    {
        string parent = Path.GetDirectoryName(target)!;
        var leftovers = new List<Leftover>();
        if (!Directory.Exists(parent))
        {
            return leftovers;
        }

        foreach (string kind in new[] { OldKind, StagingKind, WorkKind })
        {
            string prefix = Prefix(target, kind);
            foreach (string folder in Directory.EnumerateDirectories(parent, prefix + "*").Order(StringComparer.Ordinal))
            {
                var owner = ProcessOwner.FromName(Path.GetFileName(folder), prefix);
                if (kind == OldKind && owner is { HasEnded: true } && !Directory.Exists(target))
                {
                    Directory.Move(folder, target);
                    leftovers.Add(new(target, LeftoverFate.Restored, $"from {folder}: {owner} had moved it aside to replace it and ended before it could"));
                    continue;
                }

                leftovers.Add(Leftover.RemoveIfEnded(folder, owner, kind == OldKind ? "replaced output" : $"{kind} folder"));
            }
        }

        return leftovers;
    }

    /// <summary>A name for the temporary run folder of a run without --run-dir, beside OUT, named like the staging folder (not created).</summary>
    public string NewWorkFolder() => BesideTarget(WorkKind);

    /// <summary>
    /// Checks that OUT is a folder path outside every input, with no input inside it; returns its full
    /// path with symbolic links resolved. Paths are compared as the files they name, not as spelt: through
    /// links, and by device and inode (<see cref="ResolvedPath"/>), against every folder the inputs'
    /// walk enters and every symlinked shard's target (<see cref="InputLocations"/>).
    /// </summary>
    public static string CheckPlacement(string output, IEnumerable<string> inputs)
    {
        var target = ResolvedPath.Of(output);
        var status = FileStatus.Of(target.Real);
        if (!status.Exists && new FileInfo(Path.GetFullPath(output)).LinkTarget is string link)
        {
            throw new UsageException($"the output {output} is a symbolic link to {link}, which does not exist. Create that folder, or give another output.");
        }

        if (status.Exists && status.Kind != FileKind.Directory)
        {
            throw new UsageException($"the output {output} is {status.KindName}, not a folder; give a folder.");
        }

        foreach (var input in InputLocations.Of(inputs))
        {
            bool outputInInput = input.IsFolder && target.IsSameOrInside(input.Path);
            bool inputInOutput = input.Path.IsSameOrInside(target);
            string where = input.Describe();
            if (outputInInput && inputInOutput)
            {
                throw new UsageException($"the output {output} is the input {where}; writing the output would replace the input's files. Choose another output folder.");
            }

            if (outputInInput)
            {
                throw new UsageException($"the output {output} lies inside the input {where}; its shards would be read as input on the next run. Choose an output folder outside the input.");
            }

            if (inputInOutput)
            {
                throw new UsageException($"the input {where} lies inside the output {output}; writing the output would destroy it. Choose another output folder.");
            }
        }

        return target.Real;
    }

    /// <summary>Moves the staging folder into place as OUT, replacing an old OUT when allowed.</summary>
    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(target))
        {
            if (Directory.EnumerateFileSystemEntries(target).Any() && !overwrite)
            {
                // Kept for the user; the next run on OUT removes it as a dead run's staging folder.
                keepStaging = true;
                throw new UsageException($"the output folder {target} was filled by someone else during the run; the results are left in {Staging}: move them where you want them before the next run on {target}, which would remove them.");
            }

            // Mounted on during the run? Then say so, not EBUSY after the old OUT was half moved.
            CheckReplaceable(target, target);
            old = BesideTarget(OldKind);
            Directory.Move(target, old);
        }

        Directory.Move(Staging, target);
        DurableFile.SyncFolder(Path.GetDirectoryName(target)!);
        committed = true;
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>Removes the staging folder of a run that did not commit, and gives OUT's lock back.</summary>
    public void Dispose()
    {
        try
        {
            if (!committed && !keepStaging && Directory.Exists(Staging))
            {
                Directory.Delete(Staging, recursive: true);
            }
        }
        finally
        {
            outputLock.Dispose();
        }
    }

    /// <summary>
    /// OUT is replaced by renaming: the old one aside, the staging folder into its place. The root of a
    /// mount and an immutable folder cannot be renamed (EBUSY, EPERM), so that would fail at the very end.
    /// </summary>
    private static void CheckReplaceable(string output, string target)
    {
        var status = FileStatus.Of(target);
        if (status.IsMountRoot)
        {
            throw new UsageException(
                $"the output {output} is a mount point, which cannot be replaced (a run puts its outputs in place by renaming a new folder to OUT). "
                + $"Give a folder inside it instead, e.g. -o {Path.Combine(output, "deduplicated")}.");
        }

        if (status.IsImmutable)
        {
            throw new UsageException($"the output {output} is immutable (chattr +i), so it cannot be replaced. Give another output folder, or clear the attribute (chattr -i).");
        }
    }

    /// <summary>OUT's lock file: beside it, since OUT itself is replaced at the commit.</summary>
    public static string LockPath(string target) =>
        Path.Combine(Path.GetDirectoryName(target) ?? throw new UsageException($"{target}: the output cannot be a root folder"), $".{Path.GetFileName(target)}.dedup-lock");

    private static string Prefix(string target, string kind) => $".{Path.GetFileName(target)}.dedup-{kind}-";

    private string BesideTarget(string kind) => Path.Combine(Path.GetDirectoryName(target)!, ProcessOwner.NewName(Prefix(target, kind)));

}
