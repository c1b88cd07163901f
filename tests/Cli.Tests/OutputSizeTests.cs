using System.Text.Json;

namespace Dedup.Cli.Tests;

/// <summary>
/// Compressed outputs are no larger than they must be: each devmix shard, deduplicated, takes no more
/// bytes on disk than its input's share of the rows kept, and the report says what was read and written.
/// </summary>
public sealed class OutputSizeTests : IDisposable
{
    private static readonly string Devmix = Path.Combine(TestPaths.Shared, "data", "devmix", "shards");
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void EachGzipOutputIsNoLargerThanItsInputsShareOfKeptRows()
    {
        string output = Run("default");

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        long written = 0;
        foreach (var shard in report.RootElement.GetProperty("inputs").GetProperty("shards").EnumerateArray())
        {
            string path = shard.GetProperty("path").GetString()!;
            long inputBytes = new FileInfo(Path.Combine(Devmix, path)).Length;
            long outputBytes = new FileInfo(Path.Combine(output, path)).Length;
            double kept = 1 - (double)shard.GetProperty("removed").GetInt64() / shard.GetProperty("records").GetInt64();
            Assert.True(outputBytes <= inputBytes * kept, $"{path}: {outputBytes:N0} bytes out from {inputBytes:N0} in, keeping {kept:P2} of its rows");
            Assert.Equal(inputBytes, shard.GetProperty("file_bytes").GetInt64());
            Assert.Equal(outputBytes, shard.GetProperty("output_file_bytes").GetInt64());
            written += outputBytes;
        }

        var files = report.RootElement.GetProperty("files");
        Assert.Equal(written, files.GetProperty("output").GetInt64());
        Assert.Equal(Directory.GetFiles(Devmix).Sum(f => new FileInfo(f).Length), files.GetProperty("input").GetInt64());
        Assert.Contains("Shards written", File.ReadAllText(Path.Combine(output, "report.html")));
    }

    [Fact]
    public void CompressionLevelOverridesTheDefaultAndKeepsTheRows()
    {
        string fastest = Run("fastest", "--compression-level", "1");
        string smallest = Run("smallest", "--compression-level", "9");

        string shard = "part-00000.jsonl.gz";
        Assert.True(new FileInfo(Path.Combine(fastest, shard)).Length > new FileInfo(Path.Combine(smallest, shard)).Length);
        Assert.Equal(File.ReadAllText(Path.Combine(fastest, "clusters.jsonl")), File.ReadAllText(Path.Combine(smallest, "clusters.jsonl")));
        using var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Root, "fastest.run", "run.json")));
        Assert.Equal(1, plan.RootElement.GetProperty("compression_level").GetInt32());
    }

    [Fact]
    public void ALevelOutsideTheOutputFormatsRangeStopsTheRunBeforeAnyOutput()
    {
        string output = Path.Combine(temp.Root, "too-high");
        var run = CliRunner.Run("run", Devmix, "-o", output, "--compression-level", "12");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--compression-level 12", run.Stderr);
        Assert.Contains("gzip, whose levels are 1 to 9", run.Stderr);
        Assert.False(Directory.Exists(output));
    }

    private string Run(string name, params string[] options)
    {
        string output = Path.Combine(temp.Root, name);
        var run = CliRunner.Run(["run", Devmix, "-o", output, "--run-dir", output + ".run", "-q", .. options]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return output;
    }
}
