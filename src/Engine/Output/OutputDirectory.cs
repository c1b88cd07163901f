using Dedup.Engine.IO;

namespace Dedup.Engine.Output;

/// <summary>
/// Makes the outputs of a run appear whole or not at all: everything is written into a hidden
/// staging folder beside OUT and moved into place only when the run has finished. A run that
/// fails leaves OUT as it was.
/// </summary>
public sealed class OutputDirectory : IDisposable
{
    private readonly string target;
    private readonly bool overwrite;
    private bool committed;

    private OutputDirectory(string target, bool overwrite)
    {
        this.target = target;
        this.overwrite = overwrite;
        string parent = Path.GetDirectoryName(target) ?? throw new UsageException($"{target}: the output cannot be a root folder");
        Directory.CreateDirectory(parent);
        Staging = Path.Combine(parent, $".{Path.GetFileName(target)}.dedup-staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Staging);
    }

    /// <summary>The folder to write into; it becomes OUT on <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>
    /// Checks OUT against the inputs and opens a staging folder. OUT must not lie inside an input,
    /// no input may lie inside OUT, OUT must be a folder that can be replaced (not a mount point), and
    /// a non-empty OUT is replaced only with <paramref name="overwrite"/>. A symlinked OUT is followed:
    /// the folder it leads to is replaced, the link is kept.
    /// </summary>
    public static OutputDirectory Open(string output, IEnumerable<string> inputs, bool overwrite)
    {
        string target = CheckPlacement(output, inputs);
        CheckReplaceable(output, target);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !overwrite)
        {
            throw new UsageException($"the output folder {output} is not empty. Pass --overwrite to replace its contents, or choose an empty folder.");
        }

        return new OutputDirectory(target, overwrite);
    }

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
                throw new UsageException($"the output folder {target} was filled by someone else during the run; the results are left in {Staging}.");
            }

            // Mounted on during the run? Then say so, not EBUSY after the old OUT was half moved.
            CheckReplaceable(target, target);
            old = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.dedup-old-{Guid.NewGuid():N}");
            Directory.Move(target, old);
        }

        Directory.Move(Staging, target);
        committed = true;
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>Removes the staging folder of a run that did not commit.</summary>
    public void Dispose()
    {
        if (!committed && Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
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
}
