using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace Dedup.Cli.Tests;

/// <summary>
/// Issue 12, identity not spelling: inputs, OUT and the run folder are compared as the files they
/// are (resolved real path, device and inode), not as the strings typed; a shard is a regular file,
/// read at its target's size when it is a link; an OUT that cannot be replaced is refused before
/// any work. Every refused run leaves the inputs byte for byte as they were.
/// </summary>
public sealed class PathIdentityTests
{
    private const string BindMount = "mount --bind \"$0\" \"$1\"";

    private static readonly string Shards = Path.Combine(TestPaths.Devmix, "shards");

    [Fact]
    public void RunningIntoAnInputThroughASymlinkIsRefusedAndLeavesTheInputUntouched()
    {
        using var temp = new TempFolder();
        CopyShards(temp, "in");
        Directory.CreateSymbolicLink(temp.PathOf("link_in"), "in");

        var r = Refused(temp.PathOf("in"), () => CliRunner.Run("run", temp.PathOf("link_in"), "-o", temp.PathOf("in"), "--overwrite", "--device", "cpu", "-q"));

        Assert.Contains("dedup: error: ", r.Stderr);
        Assert.Contains(temp.PathOf("in"), r.Stderr);
        Assert.Equal(["in", "link_in"], temp.Entries());
    }

    [Fact]
    public void AnOutputReachedThroughASymlinkIntoTheInputIsRefused()
    {
        using var temp = new TempFolder();
        CopyShards(temp, "in");
        Directory.CreateSymbolicLink(temp.PathOf("link"), "in");

        var r = Refused(temp.PathOf("in"), () => CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("link/out"), "--device", "cpu", "-q"));

        Assert.Contains("inside the input", r.Stderr);
    }

    [Fact]
    public void AShardLinkedFromInsideTheOutputIsNotDeletedByOverwrite()
    {
        using var temp = new TempFolder();
        CopyShards(temp, "out");
        Directory.CreateDirectory(temp.PathOf("in"));
        File.CreateSymbolicLink(temp.PathOf("in/part-00000.jsonl.gz"), "../out/part-00000.jsonl.gz");

        var r = Refused(temp.PathOf("out"), () => CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--overwrite", "--device", "cpu", "-q"));

        Assert.Contains("inside the output", r.Stderr);
    }

    [Fact]
    public void ASymlinkedOutputIsFollowedAndTheLinkIsKept()
    {
        using var temp = new TempFolder();
        CopyShards(temp, "in", count: 1);
        temp.Write("elsewhere/out/old.txt", "replaced by --overwrite");
        Directory.CreateSymbolicLink(temp.PathOf("out"), "elsewhere/out");

        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--overwrite", "--device", "cpu", "-q");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("elsewhere/out", new DirectoryInfo(temp.PathOf("out")).LinkTarget);
        Assert.True(File.Exists(temp.PathOf("elsewhere/out/report.json")));
        Assert.False(File.Exists(temp.PathOf("elsewhere/out/old.txt")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(temp.PathOf("elsewhere")).Select(Path.GetFileName));
    }

    [Fact]
    public void ASymlinkedShardIsReadAtItsTargetsSize()
    {
        using var temp = new TempFolder();
        CopyShards(temp, "real", count: 1);
        Directory.CreateDirectory(temp.PathOf("in"));
        File.CreateSymbolicLink(temp.PathOf("in/part-00000.jsonl.gz"), "../real/part-00000.jsonl.gz");

        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "cpu", "-q");

        Assert.True(r.ExitCode == 0, r.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(temp.PathOf("out/report.json")));
        Assert.Equal(new FileInfo(temp.PathOf("real/part-00000.jsonl.gz")).Length, report.RootElement.GetProperty("files").GetProperty("input").GetInt64());
    }

    [Fact]
    public void AFifoNamedLikeAShardIsRefusedInsteadOfReadForever()
    {
        using var temp = new TempFolder();
        CopyShards(temp, "in", count: 1);
        string fifo = temp.PathOf("in/x.jsonl");
        MakeFifo(fifo);

        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "cpu", "-q");

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains(fifo, r.Stderr);
        Assert.Contains("not a regular file", r.Stderr);
        Assert.Equal(["in"], temp.Entries());
    }

    [Fact]
    public void ASymlinkLoopIsNamedAsALoop()
    {
        using var temp = new TempFolder();
        CopyShards(temp, "in", count: 1);
        File.CreateSymbolicLink(temp.PathOf("in/loop.jsonl"), "loop.jsonl");
        File.CreateSymbolicLink(temp.PathOf("loop"), "loop");

        var inFolder = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "cpu", "-q");
        var named = CliRunner.Run("run", temp.PathOf("loop"), "-o", temp.PathOf("out"), "--device", "cpu", "-q");

        Assert.True(inFolder.ExitCode == 2, inFolder.ToString());
        Assert.Contains($"{temp.PathOf("in/loop.jsonl")}", inFolder.Stderr);
        Assert.Contains("symbolic link loop", inFolder.Stderr);
        Assert.True(named.ExitCode == 2, named.ToString());
        Assert.Contains($"{temp.PathOf("loop")}", named.Stderr);
        Assert.Contains("symbolic link loop", named.Stderr);
        Assert.DoesNotContain("Unsupported input file type", named.Stderr);
    }

    /// <summary>
    /// A mount point cannot be renamed (EBUSY), so replacing it at the end failed with a bare OS error.
    /// The mount lives in a private mount namespace of the one command (unshare -m), so nothing is left
    /// mounted whatever happens; a bind mount of a folder of the same file system has the parent's
    /// device number, which is why the check cannot be a comparison of device numbers alone.
    /// </summary>
    [SkippableTheory]
    [InlineData("mount -t tmpfs tmpfs \"$1\"")]
    [InlineData(BindMount)]
    public void AnOutputOnAMountPointIsRefusedBeforeAnyWork(string mount)
    {
        using var temp = new TempFolder();
        CopyShards(temp, "in", count: 1);
        string source = temp.PathOf("source/old.txt");
        File.WriteAllText(source, "the mounted folder's contents");
        Directory.CreateDirectory(temp.PathOf("out"));
        string[] inNamespace = MountNamespace(mount, Path.GetDirectoryName(source)!, temp.PathOf("out"));

        var r = CliRunner.RunUnder("unshare", inNamespace, "run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--overwrite", "--device", "cpu");

        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains($"dedup: error: the output {temp.PathOf("out")} is a mount point", r.Stderr);
        Assert.Contains("a folder inside it", r.Stderr);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(r.Stdout);
        Assert.Equal(["in", "out", "source"], temp.Entries());
        Assert.Equal("the mounted folder's contents", File.ReadAllText(source));
    }

    /// <summary>
    /// A sub-folder of the input that is OUT bind-mounted: the same folder at another path, which
    /// resolving links does not show, only its device and inode. Replacing OUT would delete the
    /// input's files under the mount.
    /// </summary>
    [SkippableFact]
    public void AnInputSubFolderThatIsTheOutputByABindMountIsRefused()
    {
        using var temp = new TempFolder();
        CopyShards(temp, "out", count: 1);
        Directory.CreateDirectory(temp.PathOf("in/sub"));
        string[] inNamespace = MountNamespace(BindMount, temp.PathOf("out"), temp.PathOf("in/sub"));

        var r = Refused(temp.PathOf("out"), () => CliRunner.RunUnder("unshare", inNamespace, "run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--overwrite", "--device", "cpu", "-q"));

        Assert.Contains(temp.PathOf("in/sub"), r.Stderr);
    }

    [Fact]
    public void ARunFolderInsideTheInputIsRefused()
    {
        using var temp = new TempFolder();
        CopyShards(temp, "in", count: 1);

        var r = Refused(temp.PathOf("in"), () => CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--run-dir", temp.PathOf("in/work"), "--device", "cpu", "-q"));

        Assert.Contains("inside the input", r.Stderr);
        Assert.Equal(["in"], temp.Entries());
    }

    [Fact]
    public void ARunFolderInsideTheOutputIsRefused()
    {
        using var temp = new TempFolder();
        CopyShards(temp, "in", count: 1);
        temp.Write("out/old.txt", "kept");

        var r = Refused(temp.PathOf("out"), () => CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--overwrite", "--run-dir", temp.PathOf("out/work"), "--device", "cpu", "-q"));

        Assert.Contains("the run folder", r.Stderr);
        Assert.Equal(["old.txt"], Directory.GetFileSystemEntries(temp.PathOf("out")).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run/signatures")]
    public void AnOutputThatIsTheRunFolderOrOneOfItsOwnFoldersIsRefused(string output)
    {
        using var temp = new TempFolder();
        CopyShards(temp, "in", count: 1);

        var r = CliRunner.Run("plan", temp.PathOf("in"), "--run-dir", temp.PathOf("run"), "-o", temp.PathOf(output));

        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("the run folder", r.Stderr);
        Assert.Equal(["in"], temp.Entries().Where(e => e != "run"));
        Assert.False(File.Exists(temp.PathOf("run/run.json")));
    }

    /// <summary>
    /// unshare's arguments that run dedup with <paramref name="mount"/> done first in a private mount
    /// namespace ($0 = <paramref name="source"/>, $1 = <paramref name="target"/>); skips the test where
    /// mounting is not allowed (not root), fails it on CI.
    /// </summary>
    private static string[] MountNamespace(string mount, string source, string target)
    {
        RequiredTool.Require("mounting in a private mount namespace", "apt-get install util-linux mount", "unshare", "mount");
        string[] arguments = ["-m", "sh", "-c", $"{mount} && shift && exec \"$@\"", source, target];
        var probe = CliRunner.RunUnder("unshare", arguments, "--version");
        RequiredTool.RequireThat(probe.ExitCode == 0, $"mounting needs the right to mount in a new mount namespace (root): {probe.Stderr.Trim()}");
        return arguments;
    }

    private static void CopyShards(TempFolder temp, string folder, int count = 2)
    {
        foreach (string shard in Directory.GetFiles(Shards).Order(StringComparer.Ordinal).Take(count))
        {
            File.Copy(shard, temp.PathOf($"{folder}/{Path.GetFileName(shard)}"));
        }
    }

    /// <summary>Runs dedup, which must refuse (exit 1) and leave every file under <paramref name="folder"/> byte for byte as it was.</summary>
    private static CliRunner.Result Refused(string folder, Func<CliRunner.Result> run)
    {
        var before = Snapshot(folder);
        var r = run();
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Equal(before, Snapshot(folder));
        return r;
    }

    /// <summary>Every file under <paramref name="folder"/> with the SHA-256 of its bytes, links not followed.</summary>
    private static string[] Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}")
            .ToArray();

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
