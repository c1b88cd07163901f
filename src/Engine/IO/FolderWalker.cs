namespace Dedup.Engine.IO;

/// <summary>Recursive file listing that skips hidden entries and does not loop on symlinked folders.</summary>
internal static class FolderWalker
{
    public static IEnumerable<FileInfo> EnumerateFiles(string root)
    {
        // Errors (e.g. an unreadable sub-folder) must surface rather than silently drop shards from a run.
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 };
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            // Symlinks are followed (data folders are often linked in) but each real folder is walked once.
            var real = dir.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dir.FullName;
            if (!visited.Add(real))
            {
                continue;
            }

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
