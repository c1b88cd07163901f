namespace Dedup.Engine.IO;

/// <summary>Recursive listing that skips hidden entries and does not loop on symlinked folders.</summary>
internal static class FolderWalker
{
    public static IEnumerable<FileInfo> EnumerateFiles(string root) => Walk(root).OfType<FileInfo>();

    /// <summary>Every folder walked (<paramref name="root"/> first) and every file in them, hidden entries skipped.</summary>
    public static IEnumerable<FileSystemInfo> Walk(string root)
    {
        // Errors (e.g. an unreadable sub-folder) must surface rather than silently drop shards from a run.
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 };
        var visited = new HashSet<FileIdentity>();
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            // Symlinks are followed (data folders are often linked in) but each folder is walked once,
            // by its identity, so a loop of links or a bind mount of a folder into itself ends too.
            if (FileStatus.Of(dir.FullName) is not { Kind: FileKind.Directory } status || !visited.Add(status.Identity))
            {
                continue;
            }

            yield return dir;
            foreach (var entry in dir.EnumerateFileSystemInfos("*", options))
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                if (entry is DirectoryInfo sub)
                {
                    pending.Push(sub);
                }
                else if (entry is FileInfo file)
                {
                    yield return file;
                }
            }
        }
    }
}
