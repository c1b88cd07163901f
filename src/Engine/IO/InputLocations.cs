namespace Dedup.Engine.IO;

/// <summary>One place a run reads from: an input as given, a folder its walk enters, or a symlinked shard's target.</summary>
/// <param name="Input">The input it belongs to, as given, for messages.</param>
/// <param name="IsFolder">A folder, whose contents the run reads (a file input or a linked shard is only itself).</param>
internal sealed record InputLocation(string Input, ResolvedPath Path, bool IsFolder)
{
    /// <summary>For a message: the input as given, and where this place really is when that is elsewhere (a folder or shard in it, links followed).</summary>
    public string Describe()
    {
        string given = System.IO.Path.GetFullPath(Input);
        return (Path.Given == given, Path.Real == given) switch
        {
            (true, true) => Input,
            (true, false) => $"{Input} (at {Path.Real}, links followed)",
            _ when Path.Real == Path.Given => $"{Input} ({Path.Given} in it)",
            _ => $"{Input} ({Path.Given} in it, at {Path.Real} with links followed)",
        };
    }
}

/// <summary>
/// Where a run's inputs lie on disk, for keeping OUT and the run folder clear of them: each input,
/// every folder that the walk of a folder input enters (a symlinked or bind-mounted sub-folder may
/// lie anywhere), and the target of every symlinked shard, each resolved (<see cref="ResolvedPath"/>).
/// An input that discovery would refuse (missing, a loop) is only itself here; discovery names it.
/// </summary>
internal static class InputLocations
{
    public static IReadOnlyList<InputLocation> Of(IEnumerable<string> inputs)
    {
        var found = new List<InputLocation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string input, string path, bool isFolder)
        {
            var resolved = ResolvedPath.Of(path);
            if (seen.Add(resolved.Real))
            {
                found.Add(new InputLocation(input, resolved, isFolder));
            }
        }

        foreach (string input in inputs)
        {
            string full = Path.GetFullPath(input);
            if (FileStatus.Of(full).Kind != FileKind.Directory)
            {
                Add(input, full, isFolder: false);
                continue;
            }

            foreach (var entry in FolderWalker.Walk(full))
            {
                if (entry is DirectoryInfo)
                {
                    Add(input, entry.FullName, isFolder: true);
                }
                else if (entry.LinkTarget is not null && ShardFileTypes.TryClassify(entry.Name, out _, out _))
                {
                    Add(input, entry.FullName, isFolder: false);
                }
            }
        }

        return found;
    }
}
