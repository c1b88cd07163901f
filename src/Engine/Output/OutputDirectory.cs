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
    /// no input may lie inside OUT, and a non-empty OUT is replaced only with <paramref name="overwrite"/>.
    /// </summary>
    public static OutputDirectory Open(string output, IEnumerable<string> inputs, bool overwrite)
    {
        string target = CheckPlacement(output, inputs);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !overwrite)
        {
            throw new UsageException($"the output folder {output} is not empty. Pass --overwrite to replace its contents, or choose an empty folder.");
        }

        return new OutputDirectory(target, overwrite);
    }

    /// <summary>Checks that OUT is a folder path outside every input, with no input inside it; returns its full path.</summary>
    public static string CheckPlacement(string output, IEnumerable<string> inputs)
    {
        string target = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        foreach (string input in inputs)
        {
            string full = Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar);
            if (IsSameOrInside(target, full))
            {
                throw new UsageException($"the output {output} lies inside the input {input}; its shards would be read as input on the next run. Choose an output folder outside the input.");
            }

            if (IsSameOrInside(full, target))
            {
                throw new UsageException($"the input {input} lies inside the output {output}; writing the output would destroy it. Choose another output folder.");
            }
        }

        if (File.Exists(target))
        {
            throw new UsageException($"the output {output} is a file; give a folder.");
        }

        return target;
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

    private static bool IsSameOrInside(string path, string folder) =>
        path.Equals(folder, StringComparison.Ordinal)
        || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
