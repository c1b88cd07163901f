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
    private static readonly string Shards = Path.Combine(TestPaths.Devmix, "shards");

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

    private static void CopyShards(TempFolder temp, string folder, int count = 2)
    {
        foreach (string shard in Directory.GetFiles(Shards).Order(StringComparer.Ordinal).Take(count))
        {
            File.Copy(shard, temp.PathOf($"{folder}/{Path.GetFileName(shard)}"));
        }
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
