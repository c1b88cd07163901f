using System.Runtime.InteropServices;

namespace Dedup.Cli.Tests;

public sealed class CommandTests
{
    [Theory]
    [InlineData("run", "--threshold")]
    [InlineData("run", "--device")]
    [InlineData("run", "--text-field")]
    [InlineData("run", "every input shard at its relative path")]
    [InlineData("run", "clusters.jsonl")]
    [InlineData("run", "removed/<shard>.removed.jsonl")]
    [InlineData("run", "report.json")]
    [InlineData("run", "report.html")]
    [InlineData("devices", "CUDA")]
    [InlineData("clean", "partial task")]
    [InlineData("--help", "130 interrupted by Ctrl-C (SIGINT)")]
    public void HelpDescribesEveryCommand(string command, string expected)
    {
        var r = CliRunner.Run(command, "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(expected, r.Stdout);
    }

    [Fact]
    public void SeveralTextFieldsAreJoinedForFineTuningRecords()
    {
        using var temp = new TempFolder();
        const string question = "How do I remove near duplicate documents from a large training corpus quickly";
        const string answer = "Compute MinHash signatures over word shingles and band them with locality sensitive hashing";
        temp.Write("in/qa.jsonl",
            $"{{\"id\":\"q1\",\"instruction\":\"{question}\",\"input\":\"\",\"output\":\"{answer}\"}}\n" +
            $"{{\"id\":\"q2\",\"instruction\":\"{question}\",\"input\":\"\",\"output\":\"{answer.ToUpperInvariant()}\"}}\n" +
            $"{{\"id\":\"q3\",\"instruction\":\"{question}\",\"input\":\"\",\"output\":\"Sort the documents and compare neighbours one by one with a diff tool\"}}\n");
        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--text-field", "instruction,input,output", "--device", "cpu");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("{\"cluster\":0,\"kept\":\"q1\",\"members\":[\"q1\",\"q2\"]}", File.ReadAllText(temp.PathOf("out/clusters.jsonl")).Trim());
    }

    [Fact]
    public void DevicesListsTheCpuBackends()
    {
        var r = CliRunner.Run("devices");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ilgpu-cpu", r.Stdout);
        Assert.Contains("vectorised", r.Stdout);
    }

    [Fact]
    public void DevicesCountThreadsAsTheMachineHasThemAndSayWhatBecameOfEachDriver()
    {
        var r = CliRunner.Run("devices");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"simulated GPU threads on {Environment.ProcessorCount} logical cores", r.Stdout);
        Assert.Contains($"{Environment.ProcessorCount} threads (one per logical core)", r.Stdout);
        var lines = r.Stdout.Split('\n', StringSplitOptions.TrimEntries);
        foreach (string driver in new[] { "cuda", "opencl" })
        {
            Assert.Matches(@"^(no \w+ driver \(\S+ not found\)|driver found, \d+ GPUs?|driver found, but .+: not used by --device auto)$", Assert.Single(lines, l => l.StartsWith(driver + ": ", StringComparison.Ordinal))[(driver.Length + 2)..]);
        }
    }

    [Fact]
    public void DevicesSayWhyADriverWithoutAGpuIsPassedBy()
    {
        // Stand-ins that load but hold no GPU API, found before any real driver: drivers without a GPU.
        using var temp = new TempFolder();
        string library = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "libSystem.IO.Compression.Native.so");
        File.Copy(library, temp.PathOf("libcuda.so.1"));
        File.Copy(library, temp.PathOf("libOpenCL.so.1"));
        var r = CliRunner.RunWith([("LD_LIBRARY_PATH", temp.Root)], "devices");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("cuda: driver found, but the CUDA driver reports no usable device: not used by --device auto", r.Stdout);
        Assert.Contains("opencl: driver found, but no OpenCL GPU that ILGPU supports", r.Stdout);
    }

    [Fact]
    public void RunSummaryNamesEachStageItTimes()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", BadInputTests.Line("a", "one small document") + BadInputTests.Line("b", "one small document"));
        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "cpu");
        Assert.True(r.ExitCode == 0, r.ToString());
        const string Seconds = @"\d+[.,]\d\d s";
        Assert.Matches($@"(?m)^time per stage: signatures {Seconds} \(backend {Seconds} of it\), buckets {Seconds}, cluster {Seconds}, filter {Seconds}\r?$", r.Stdout);
    }

    [Fact]
    public void RunWritesEveryOutputAndSaysWhichBackendAndWhy()
    {
        using var temp = new TempFolder();
        const string doc = "the quick brown fox jumps over the lazy dog while the cat sleeps in the warm sun";
        temp.Write("in/x/a.jsonl", BadInputTests.Line("a", doc) + BadInputTests.Line("b", "something else entirely different here"));
        temp.Write("in/y/b.jsonl", BadInputTests.Line("c", doc.ToUpperInvariant()));
        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("backend: cpu", r.Stderr);
        Assert.Contains("auto:", r.Stderr);
        Assert.Contains("removed 1 documents", r.Stdout);
        Assert.True(File.Exists(temp.PathOf("out/x/a.jsonl")));
        Assert.Equal(string.Empty, File.ReadAllText(temp.PathOf("out/y/b.jsonl")));
        Assert.Equal("{\"cluster\":0,\"kept\":\"a\",\"members\":[\"a\",\"c\"]}", File.ReadAllText(temp.PathOf("out/clusters.jsonl")).Trim());
        Assert.Contains("\"kept\":\"a\"", File.ReadAllText(temp.PathOf("out/removed/y/b.jsonl.removed.jsonl")));
    }
}
