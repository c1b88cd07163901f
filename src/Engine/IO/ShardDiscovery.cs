namespace Dedup.Engine.IO;

/// <summary>Turns the input paths of a run into its sorted, numbered list of shards.</summary>
public static class ShardDiscovery
{
    /// <summary>
    /// Each input is a folder (searched recursively; hidden entries, whose names start with '.', and files of
    /// other types are skipped) or a file of a supported type. Shards are sorted by relative path (ordinal)
    /// and numbered from 0. Throws <see cref="InputException"/> for a missing path, an explicitly named file
    /// of an unsupported type, a folder without shards, no inputs, or two shards with the same relative path.
    /// </summary>
    public static IReadOnlyList<Shard> Discover(IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // Discovery is the first thing a run does: the earliest point to make truncated gzip detectable.
        if (inputs.Count == 0)
        {
            throw new InputException($"No inputs were given. Pass one or more folders or files ({ShardFileTypes.SupportedList}).");
        }

        var found = new List<(string FullPath, string RelativePath, ShardFormat Format, Compression Compression, long Length)>();
        foreach (var input in inputs)
        {
            var fullPath = Path.GetFullPath(input);
            var status = FileStatus.Of(fullPath);
            if (status.Kind == FileKind.Directory)
            {
                int before = found.Count;
                foreach (var file in FolderWalker.EnumerateFiles(fullPath))
                {
                    if (ShardFileTypes.TryClassify(file.Name, out var format, out var compression))
                    {
                        var relative = Path.GetRelativePath(fullPath, file.FullName).Replace('\\', '/');
                        found.Add((file.FullName, relative, format, compression, SizeOf(file.FullName, FileStatus.Of(file.FullName))));
                    }
                }

                if (found.Count == before)
                {
                    throw new InputException(
                        $"No input shards found in folder '{fullPath}' (searched recursively for {ShardFileTypes.SupportedList}; " +
                        "names starting with '.' are skipped). Point the input at the folder that holds the data, or name the files directly.");
                }
            }
            else if (status.Kind == FileKind.Missing && new FileInfo(fullPath).LinkTarget is null)
            {
                throw new InputException(
                    $"Input path '{fullPath}' does not exist (given as '{input}'; relative paths are resolved against '{Environment.CurrentDirectory}'). Check the path.");
            }
            else
            {
                long size = SizeOf(fullPath, status);
                var name = Path.GetFileName(fullPath);
                if (!ShardFileTypes.TryClassify(name, out var format, out var compression))
                {
                    throw new InputException(
                        $"Unsupported input file type: '{fullPath}'. Supported: {ShardFileTypes.SupportedList}. " +
                        "Rename or convert the file, or leave it out of the inputs.");
                }

                found.Add((fullPath, name, format, compression, size));
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        var shards = new Shard[found.Count];
        for (int i = 0; i < found.Count; i++)
        {
            var f = found[i];
            if (i > 0 && string.Equals(found[i - 1].RelativePath, f.RelativePath, StringComparison.Ordinal))
            {
                // Output files and reports are keyed by relative path, so two shards must never share one.
                throw new InputException(
                    $"Two input shards have the same relative path '{f.RelativePath}': '{found[i - 1].FullPath}' and '{f.FullPath}'. " +
                    "Output files are named by relative path; rename one of them, or give their common parent folder as the input instead.");
            }

            shards[i] = new Shard(i, f.FullPath, f.RelativePath, f.Format, f.Compression, f.Length);
        }

        return shards;
    }

    /// <summary>
    /// The size of a shard's data, the target's for a symbolic link (FileInfo.Length is the link's own).
    /// Anything but a regular file is refused here, before the run opens it: a FIFO would be read forever.
    /// </summary>
    private static long SizeOf(string path, FileStatus status) => status.Kind switch
    {
        FileKind.Regular => status.Size,
        FileKind.Missing => throw new InputException(new FileInfo(path).LinkTarget is string target
            ? $"Input file '{path}' is a symbolic link to '{target}', which does not exist. Fix or remove the link."
            : $"Input file '{path}' no longer exists; it was removed while the inputs were listed. Leave the inputs unchanged during a run."),
        FileKind.LinkLoop => throw new InputException(
            $"Input file '{path}' is a symbolic link loop: following it leads back to a link already followed ({new FileInfo(path).LinkTarget}). Fix or remove the link."),
        _ => throw new InputException(
            $"Input file '{path}' is {status.KindName}, not a regular file; shards are read from regular files only. Copy the data into a file, or leave it out of the inputs."),
    };
}
