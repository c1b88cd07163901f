using System.Runtime.InteropServices;
using Dedup.Engine.IO;

namespace Dedup.Bench;

/// <summary>
/// <c>pipeline --corpus DIR [--runs N] [--device D] [--json FILE] [-- dedup run options]</c>: the whole
/// <c>dedup run</c> (read, parse, sign, LSH, cluster, write), each run the real program in a child process
/// so that its peak memory is its own; a warm-up run, then the median of N. Stage seconds come from each
/// run's report.json.
/// </summary>
public static class PipelineCommand
{
    private const string OutsideStages = "(outside stages)";

    public static int Run(string[] args)
    {
        var options = new BenchArgs(args, ["--corpus", "--runs", "--device", "--json"], passThrough: true);
        string corpus = Path.GetFullPath(options.Required("--corpus"));
        int runs = options.Int("--runs", 3, 1);
        string? json = options.Value("--json");
        string[] dedupOptions = ["--device", options.Value("--device", "auto"), .. options.PassThrough];

        // A wrong path fails here, with the engine's own message, before any child runs.
        var shards = ShardDiscovery.Discover([corpus]);
        Console.WriteLine($"corpus {corpus}: {shards.Count} shards, {shards.Sum(s => s.Length) / 1e6:N1} MB of files; dedup run {string.Join(' ', dedupOptions)}; {runs} runs after a warm-up, each in a child process");

        var runner = new DedupRunner(corpus, dedupOptions);
        // The warm-up puts the corpus in the page cache: the runs measure the program, not the disk.
        var warmUp = runner.Run();
        Console.WriteLine($"warm-up: {warmUp.WallSeconds:F2} s");
        var measured = new List<PipelineRun>();
        for (int i = 1; i <= runs; i++)
        {
            measured.Add(runner.Run());
            Console.WriteLine($"run {i}: {measured[^1].WallSeconds:F2} s");
        }

        var summary = Summarise(corpus, shards.Count, dedupOptions, measured);
        Console.WriteLine($"{summary.Records:N0} records, {summary.TextBytes / 1e6:N1} MB of text; backend {summary.Backend}; intermediate files {measured[0].IntermediateBytesPerDocument:N0} bytes a document");
        RunTable(measured, summary).Write(Console.Out);
        Console.WriteLine();
        StageTable(measured, summary).Write(Console.Out);
        if (json is not null)
        {
            BenchJson.Write(json, summary);
        }

        return 0;
    }

    private static PipelineSummary Summarise(string corpus, int shards, IReadOnlyList<string> dedupOptions, List<PipelineRun> runs)
    {
        var first = runs[0];
        double wall = Statistics.Median(runs.Select(r => r.WallSeconds));
        var stages = StageNames(runs).ToDictionary(s => s, s => Statistics.Median(runs.Select(r => Stage(r, s))));
        return new PipelineSummary(
            DateTimeOffset.UtcNow,
            $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}",
            corpus, shards, first.Records, first.TextBytes, first.Backend, dedupOptions,
            wall, first.TextBytes / 1e6 / wall, first.Records / wall,
            Statistics.Median(runs.Select(r => r.CpuSeconds)),
            Statistics.Median(runs.Select(r => r.OtherCpuSeconds)),
            (long)Statistics.Median(runs.Select(r => (double)r.PeakRssBytes)),
            runs.Max(r => r.PeakRssBytes),
            stages, runs);
    }

    private static TextTable RunTable(List<PipelineRun> runs, PipelineSummary summary)
    {
        var table = new TextTable("run", "wall s", "MB/s", "docs/s", "CPU s", "CPU/wall", "others' CPU s", "peak RSS MiB");
        for (int i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            table.Add($"{i + 1}", $"{r.WallSeconds:F2}", $"{r.TextBytes / 1e6 / r.WallSeconds:N1}", $"{r.Records / r.WallSeconds:N0}", $"{r.CpuSeconds:F2}", $"{r.CpuSeconds / r.WallSeconds:F2}", $"{r.OtherCpuSeconds:F2}", $"{r.PeakRssBytes / 1048576.0:N0}");
        }

        table.Add("median", $"{summary.MedianWallSeconds:F2}", $"{summary.MegabytesPerSecond:N1}", $"{summary.DocumentsPerSecond:N0}", $"{summary.MedianCpuSeconds:F2}", $"{summary.MedianCpuSeconds / summary.MedianWallSeconds:F2}", $"{summary.MedianOtherCpuSeconds:F2}", $"{summary.MedianPeakRssBytes / 1048576.0:N0}");
        return table;
    }

    /// <summary>Seconds per stage and run, plus what the wall time holds beyond the stages' total (start-up, discovery, report, commit).</summary>
    private static TextTable StageTable(List<PipelineRun> runs, PipelineSummary summary)
    {
        var table = new TextTable(["stage", .. runs.Select((_, i) => $"run {i + 1}"), "median s", "% of wall"]);
        foreach (var (stage, median) in summary.MedianStageSeconds)
        {
            table.Add([stage, .. runs.Select(r => $"{Stage(r, stage):F3}"), $"{median:F3}", $"{100 * median / summary.MedianWallSeconds:F1}"]);
        }

        if (summary.MedianStageSeconds.ContainsKey("total"))
        {
            var outside = runs.Select(r => r.WallSeconds - Stage(r, "total")).ToList();
            double median = Statistics.Median(outside);
            table.Add([OutsideStages, .. outside.Select(s => $"{s:F3}"), $"{median:F3}", $"{100 * median / summary.MedianWallSeconds:F1}"]);
        }

        return table;
    }

    /// <summary>Every stage any run reported, in report order: the engine's stages may change while this harness does not.</summary>
    private static IEnumerable<string> StageNames(List<PipelineRun> runs) => runs.SelectMany(r => r.StageSeconds.Keys).Distinct();

    private static double Stage(PipelineRun run, string stage) => run.StageSeconds.GetValueOrDefault(stage);
}
