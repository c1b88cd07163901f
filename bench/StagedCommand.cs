using System.Diagnostics;
using System.Runtime.InteropServices;
using Dedup.Engine.IO;
using Dedup.Engine.Output;
using Dedup.Engine.Plan;
using Dedup.Engine.Reporting;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Stages.Signatures;

namespace Dedup.Bench;

/// <summary>
/// <c>staged --corpus DIR --run-dir D [--memory 1G] [--tasks N] [--partitions P] [--per-task] [--json FILE] [-- plan options]</c>:
/// a staged run (<c>dedup plan</c>, then <c>signatures</c>, <c>buckets</c>, <c>cluster</c>, <c>filter</c>), each stage
/// the real program in child processes under <c>measure</c>: wall and CPU time, peak RSS against the budget
/// (--memory; cluster: --memory plus 8 bytes a document), each task's done.json, and the bytes each stage
/// left on disk.
/// </summary>
public static class StagedCommand
{
    private const string Dotnet = "dotnet";

    /// <summary>The cluster stage's union-find array, on top of --memory (ClusterSets).</summary>
    private const long ClusterBytesPerDocument = 8;

    private static readonly string DedupDll = Path.Combine(AppContext.BaseDirectory, "dedup.dll");

    private static readonly Stage[] Stages = [Stage.Signatures, Stage.Buckets, Stage.Cluster, Stage.Filter];

    public static int Run(string[] args)
    {
        var options = new BenchArgs(args, ["--corpus", "--run-dir", "--memory", "--tasks", "--partitions", "--json", "--device"], ["--per-task"], passThrough: true);
        string corpus = Path.GetFullPath(options.Required("--corpus"));
        string runDir = Path.GetFullPath(options.Required("--run-dir"));
        string memory = options.Value("--memory", "1G");
        long budget = MemoryBudget.Parse(memory);
        int tasks = options.Int("--tasks", 4, 1);
        int partitions = options.Int("--partitions", tasks, 1);
        bool perTask = options.Flag("--per-task");
        string device = options.Value("--device", "cpu");
        string? json = options.Value("--json");
        if (Directory.Exists(runDir) && Directory.EnumerateFileSystemEntries(runDir).Any())
        {
            throw new BenchUsageException($"--run-dir {runDir}: not a new or empty folder; a finished task there would be skipped, not measured. Name a new one.");
        }

        if (!File.Exists(DedupDll))
        {
            throw new BenchFailureException($"{DedupDll} is missing; build the bench (dotnet build -c Release bench), which builds dedup beside it.");
        }

        var shards = ShardDiscovery.Discover([corpus]);
        long corpusBytes = shards.Sum(s => s.Length);
        string[] planOptions = ["--memory", memory, "--tasks", $"{tasks}", "--partitions", $"{partitions}", .. options.PassThrough];
        Console.WriteLine($"corpus {corpus}: {shards.Count} shards, {corpusBytes / 1e6:N1} MB of files; run folder {runDir}; dedup plan {string.Join(' ', planOptions)}; "
            + $"{(perTask ? "one process per task" : "one process per stage, its tasks in turn")}, --device {device}");

        var total = Stopwatch.StartNew();
        var results = new List<StagedStage>();
        var plan = RunChild("plan", null, [DedupDll, "plan", corpus, "--run-dir", runDir, .. planOptions]);
        results.Add(new StagedStage("plan", plan.WallSeconds, plan.CpuSeconds, plan.OtherCpuSeconds, plan.PeakRssBytes, null, null, DiskBytes(Path.Combine(runDir, RunFileNames.Plan)), [plan], []));
        var run = RunFolder.Open(runDir);
        long documents = 0;
        foreach (var stage in Stages)
        {
            int count = run.Plan.TaskCount(stage);
            string[] stageArguments = [DedupDll, stage.Name(), "--run-dir", runDir, "--device", device, "-q"];
            var processes = perTask
                ? Enumerable.Range(0, count).Select(t => RunChild(stage.Name(), t, [.. stageArguments, "--task-index", $"{t}"])).ToList()
                : [RunChild(stage.Name(), null, stageArguments)];
            var markers = Enumerable.Range(0, count).Select(t => run.Marker(stage, t)).ToList();
            if (stage == Stage.Signatures)
            {
                documents = markers.Sum(m => m.StatsAs<SignatureTaskStats>().Documents);
            }

            long limit = budget + (stage == Stage.Cluster ? ClusterBytesPerDocument * documents : 0);
            long peak = Peak(processes, markers);
            long disk = DiskBytes(run.StageFolder(stage)) + (stage == Stage.Filter ? DiskBytes(run.Plan.Output) : 0);
            results.Add(new StagedStage(
                stage.Name(), processes.Sum(p => p.WallSeconds), processes.Sum(p => p.CpuSeconds), processes.Sum(p => p.OtherCpuSeconds),
                peak, limit, peak <= limit, disk, processes,
                markers.Select(m => new StagedTask(m.Task, m.Seconds, m.PeakMemoryBytes)).ToList()));
            Console.WriteLine($"{stage.Name()}: {results[^1].WallSeconds:F1} s, peak RSS {Mib(peak)} MiB of {Mib(limit)} MiB allowed");
        }

        var report = ReportFile.Read(Path.Combine(run.Plan.Output, OutputNames.Report));
        var summary = new StagedSummary(
            DateTimeOffset.UtcNow,
            $"{Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}",
            corpus, shards.Count, corpusBytes, budget, run.Plan.SignatureTasks.Count, run.Plan.Partitions, perTask, planOptions,
            report.Documents.Records, report.Documents.Signed, report.TextBytes.Read,
            report.Lsh.CandidateEdges, report.Lsh.MergedEdges, report.Lsh.ExactDuplicateGroups,
            report.Clusters.Count, report.Clusters.Documents, report.Clusters.Largest, report.Documents.Removed,
            total.Elapsed.TotalSeconds, results);
        Print(summary);
        if (json is not null)
        {
            BenchJson.Write(json, summary);
        }

        return results.All(s => s.WithinLimit != false) ? 0 : 2;
    }

    private static void Print(StagedSummary s)
    {
        Console.WriteLine();
        Console.WriteLine($"{s.Records:N0} records ({s.SignedDocuments:N0} signed), {s.TextBytes / 1e6:N1} MB of text; --memory {Mib(s.MemoryBudgetBytes)} MiB, {s.Tasks} signature/filter tasks, {s.Partitions} buckets tasks");
        Console.WriteLine($"candidate edges {s.CandidateEdges:N0}, merged {s.MergedEdges:N0}, exact-duplicate groups {s.ExactDuplicateGroups:N0}; {s.Clusters:N0} clusters of {s.ClusteredDocuments:N0} documents (largest {s.LargestCluster:N0}); {s.Removed:N0} removed");
        var table = new TextTable("stage", "procs", "wall s", "MB/s", "CPU s", "others' CPU s", "peak MiB", "limit MiB", "% of limit", "task peaks MiB", "on disk MB", "within");
        foreach (var stage in s.Stages)
        {
            table.Add(
                stage.Stage,
                $"{stage.Processes.Count}",
                $"{stage.WallSeconds:F1}",
                stage.LimitBytes is null ? "-" : $"{s.TextBytes / 1e6 / stage.WallSeconds:N1}",
                $"{stage.CpuSeconds:F1}",
                $"{stage.OtherCpuSeconds:F1}",
                $"{Mib(stage.PeakRssBytes)}",
                stage.LimitBytes is long limit ? $"{Mib(limit)}" : "-",
                stage.LimitBytes is long l ? $"{100.0 * stage.PeakRssBytes / l:F0}%" : "-",
                stage.Tasks.Count > 0 ? string.Join(" ", stage.Tasks.Select(t => Mib(t.PeakMemoryBytes))) : "-",
                $"{stage.DiskBytes / 1e6:N1}",
                stage.WithinLimit switch { true => "yes", false => "NO", null => "-" });
        }

        table.Add("total", "", $"{s.TotalWallSeconds:F1}", $"{s.TextBytes / 1e6 / s.TotalWallSeconds:N1}", $"{s.Stages.Sum(x => x.CpuSeconds):F1}", $"{s.Stages.Sum(x => x.OtherCpuSeconds):F1}", "", "", "", "", $"{s.Stages.Sum(x => x.DiskBytes) / 1e6:N1}", "");
        table.Write(Console.Out);
    }

    /// <summary>Runs <c>dotnet ARGS</c> under <c>bench measure</c>; its output passes through. Fails when it fails.</summary>
    private static StagedProcess RunChild(string stage, int? task, string[] dedupArguments)
    {
        string usageFile = Path.Combine(Path.GetTempPath(), $"bench-staged-usage-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(Dotnet);
        string[] arguments = [typeof(StagedCommand).Assembly.Location, "measure", "--result", usageFile, "--", Dotnet, .. dedupArguments];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {stage}{(task is int t ? $" task {t}" : "")}: {Dotnet} {string.Join(' ', dedupArguments)}");
        using var process = Process.Start(start) ?? throw new BenchFailureException($"{Dotnet} did not start.");
        IReadOnlyList<RssSample> timeline;
        using (var sampler = new RssSampler(process.Id))
        {
            process.WaitForExit();
            timeline = sampler.Samples;
        }

        if (process.ExitCode != 0)
        {
            throw new BenchFailureException($"{stage}{(task is int i ? $" task {i}" : "")} failed with exit code {process.ExitCode}: {Dotnet} {string.Join(' ', arguments)}");
        }

        var usage = BenchJson.Read<ChildUsage>(usageFile);
        File.Delete(usageFile);
        double cpu = usage.UserSeconds + usage.SystemSeconds;
        return new StagedProcess(task, usage.WallSeconds, cpu, Math.Max(0, usage.MachineBusySeconds - cpu), usage.PeakRssBytes, timeline);
    }

    /// <summary>
    /// The stage's peak RSS: the largest of getrusage's figure, every task's done.json peak and every RSS
    /// sample. getrusage alone is not enough: a task resets its process's high-water mark when it starts
    /// (clear_refs), and the kernel hands the parent the mark as it stands at exit, so in a process that
    /// ran several tasks getrusage reports only the last task's peak.
    /// </summary>
    private static long Peak(IReadOnlyList<StagedProcess> processes, IReadOnlyList<TaskMarker> markers) =>
        Math.Max(
            Math.Max(processes.Max(p => p.PeakRssBytes), markers.Count > 0 ? markers.Max(m => m.PeakMemoryBytes) : 0),
            processes.SelectMany(p => p.RssTimeline).Select(r => r.RssBytes).DefaultIfEmpty(0).Max());

    private static long DiskBytes(string path) =>
        File.Exists(path) ? new FileInfo(path).Length
        : Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
        : 0;

    private static string Mib(long bytes) => $"{bytes / 1048576.0:N0}";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}
