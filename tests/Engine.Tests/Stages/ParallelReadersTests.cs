using System.Text;
using System.Text.Json;
using Dedup.Engine.Tests.EndToEnd;

namespace Dedup.Engine.Tests.Stages;

/// <summary>
/// A signature task reads several shards at once (one reader per thread, within --memory) and signs
/// them in shard order, batches never spanning two shards: every file it writes, and the problem
/// examples and warnings of the report, are the same byte for byte whatever the number of readers.
/// </summary>
public sealed class ParallelReadersTests
{
    [Fact]
    public void OneReaderAndFourWriteTheSameSignatureFilesReportAndWarnings()
    {
        using var temp = new TempFolder();
        string input = temp.PathOf("in");
        Directory.CreateDirectory(input);
        foreach (string shard in Directory.GetFiles(Path.Combine(TestPaths.Devmix, "shards")))
        {
            File.Copy(shard, Path.Combine(input, Path.GetFileName(shard)));
        }

        // Problems in several shards, so that the report's examples and the warnings have an order to keep.
        for (int s = 0; s < 3; s++)
        {
            var lines = new StringBuilder();
            for (int i = 0; i < 15; i++)
            {
                lines.Append(i % 3 == 0 ? $"{{\"id\":\"bad-{s}-{i}\",\"text\":" : $"{{\"id\":\"x-{s}-{i}\",\"text\":\"shard {s} line {i} has a few words\"}}").Append('\n');
            }

            File.WriteAllText(Path.Combine(input, $"extra-{s}.jsonl"), lines.ToString());
        }

        var one = Run(temp, input, "one", threads: 1);
        var four = Run(temp, input, "four", threads: 4);

        Assert.Equal(one.Warnings, four.Warnings);
        Assert.NotEmpty(one.Warnings);
        Assert.Equal(one.Files.Keys.Order(), four.Files.Keys.Order());
        foreach (var (name, bytes) in one.Files)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(four.Files[name]), $"{name} differs between one reader and four");
        }

        SameOutputs.Assert(temp.PathOf("one/out"), temp.PathOf("four/out"));
    }

    private static (Dictionary<string, byte[]> Files, List<string> Warnings) Run(TempFolder temp, string input, string name, int threads)
    {
        string runDir = temp.PathOf($"{name}/run");
        var log = new CollectingLog();
        DedupRun.Execute(DevmixRunFixture.Options(input, temp.PathOf($"{name}/out")) with { RunDir = runDir, Threads = threads }, log);
        string task = Path.Combine(runDir, "signatures", "task-00000");
        var files = Directory.GetFiles(task).Where(f => Path.GetFileName(f) != "done.json")
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        // done.json differs only in what is timed or measured.
        using var marker = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(task, "done.json")));
        var stats = marker.RootElement.GetProperty("stats");
        files["stats"] = Encoding.UTF8.GetBytes(string.Join('\n', stats.EnumerateObject()
            .Where(p => p.Name is not ("compute_seconds" or "backend"))
            .Select(p => $"{p.Name}={p.Value.GetRawText()}")));
        return (files, log.Lines.Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ToList());
    }
}
