namespace Dedup.Cli.Tests;

/// <summary>
/// An input that changed after it was signed, with the same size and modification time (its lines
/// reordered, its time put back as `cp -p` or `rsync -t` would), is caught by its content hash: the
/// filter and eval refuse it, and no output for it appears. Before, the size check passed and removed/
/// named rows that held other documents. A shard touched or replaced after planning is refused by its
/// modification time or inode before any stage reads it.
/// </summary>
public sealed class ChangedInputTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string input;
    private readonly string shard;
    private readonly string runDir;

    public ChangedInputTests()
    {
        input = temp.PathOf("in");
        Directory.CreateDirectory(input);
        shard = Path.Combine(input, "part-0.jsonl");
        File.Copy(Path.Combine(TestPaths.SamplesCorpus, "en", "part-0.jsonl"), shard);
        runDir = temp.PathOf("run");
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void AReorderedShardOfTheSameSizeStopsTheStagedFilterBeforeItWritesTheShard()
    {
        Succeed("plan", input, "--run-dir", runDir);
        foreach (string stage in new[] { "signatures", "buckets", "cluster" })
        {
            Succeed(stage, "--run-dir", runDir, "-q");
        }

        long size = new FileInfo(shard).Length;
        Reorder(shard);
        Assert.Equal(size, new FileInfo(shard).Length);

        var filter = CliRunner.Run("filter", "--run-dir", runDir, "-q");

        Assert.Equal(2, filter.ExitCode);
        Assert.Contains($"{shard}: the shard changed after its documents were signed", filter.Stderr);
        Assert.False(File.Exists(Path.Combine(runDir, "output", "part-0.jsonl")), "a filtered copy of the changed shard was written");
        Assert.False(Directory.Exists(Path.Combine(runDir, "output", "removed")), "removed rows of the changed shard were written");
    }

    [Fact]
    public void AReorderedShardStopsARerunOfTheSameRunFolderAndOutLeftAsItWas()
    {
        string output = temp.PathOf("out");
        Succeed("run", input, "-o", output, "--run-dir", runDir, "-q");
        var before = Snapshot(output);
        Reorder(shard);

        var rerun = CliRunner.Run("run", input, "-o", output, "--run-dir", runDir, "--overwrite", "-q");

        Assert.Equal(2, rerun.ExitCode);
        Assert.Contains("the shard changed after its documents were signed", rerun.Stderr);
        Assert.Equal(before, Snapshot(output));
    }

    [Fact]
    public void EvalRefusesAShardThatChangedAfterTheRun()
    {
        string output = temp.PathOf("out");
        Succeed("run", input, "-o", output, "-q");
        Reorder(shard);

        var eval = CliRunner.Run("eval", output, "--exact-jaccard");

        Assert.Equal(2, eval.ExitCode);
        Assert.Contains($"{shard}: the shard changed after the run signed it", eval.Stderr);
    }

    [Fact]
    public void AShardRewrittenWithItsOwnBytesAfterPlanningIsRefusedByItsModificationTime()
    {
        Succeed("plan", input, "--run-dir", runDir);
        File.WriteAllBytes(shard, File.ReadAllBytes(shard));

        var signatures = CliRunner.Run("signatures", "--run-dir", runDir, "-q");

        Assert.Equal(2, signatures.ExitCode);
        Assert.Contains($"{shard}: the shard was modified after it was planned (modification time", signatures.Stderr);
        Assert.False(Directory.Exists(Path.Combine(runDir, "signatures")) && Directory.EnumerateFiles(Path.Combine(runDir, "signatures"), "done.json", SearchOption.AllDirectories).Any(), "a signature task finished over the touched shard");
    }

    [Fact]
    public void AShardReplacedByACopyWithItsTimeIsRefusedByItsInode()
    {
        Succeed("plan", input, "--run-dir", runDir);
        foreach (string stage in new[] { "signatures", "buckets", "cluster" })
        {
            Succeed(stage, "--run-dir", runDir, "-q");
        }

        string copy = temp.PathOf("copy.jsonl");
        RunTool("cp", "-p", shard, copy);
        File.Move(copy, shard, overwrite: true);

        var filter = CliRunner.Run("filter", "--run-dir", runDir, "-q");

        Assert.Equal(2, filter.ExitCode);
        Assert.Contains($"{shard}: the shard is another file now (inode", filter.Stderr);
        Assert.False(File.Exists(Path.Combine(runDir, "output", "part-0.jsonl")), "a filtered copy of the replaced shard was written");
    }

    /// <summary>The same lines in reverse order: the same bytes, so the same size; the modification time put back to the nanosecond.</summary>
    private void Reorder(string path)
    {
        string stamp = temp.PathOf("stamp");
        RunTool("touch", "-r", path, stamp);
        var lines = File.ReadAllText(path).TrimEnd('\n').Split('\n');
        Array.Reverse(lines);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        RunTool("touch", "-r", stamp, path);
    }

    private static void RunTool(string tool, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(tool, args);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited {process.ExitCode}");
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".html", StringComparison.Ordinal) && !f.EndsWith("report.json", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    private static void Succeed(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.True(r.ExitCode == 0, r.ToString());
    }
}
