using Dedup.Engine.IO;
using Dedup.Engine.Output;
using Dedup.Engine.Ownership;
using Dedup.Engine.RunFiles;
using Dedup.Kernels.Text;

namespace Dedup.Engine.Plan;

/// <summary><c>dedup plan</c>: fixes the shards, the configuration and the task layout of a run in run.json.</summary>
public static class RunPlanner
{
    /// <summary>
    /// The plan for <paramref name="options"/> (its inputs discovered now), sealed with its hash. The head of
    /// every shard is read to check that it has the fields the run reads (<see cref="ShardFieldCheck"/>).
    /// </summary>
    public static RunPlan Create(DedupOptions options, IReadOnlyList<Shard> shards)
    {
        var (parameters, bandsChosen) = options.Check();
        var reserved = shards.FirstOrDefault(s => OutputNames.IsReserved(s.RelativePath));
        if (reserved is not null)
        {
            throw new UsageException($"{reserved.FullPath}: the shard's output path {reserved.RelativePath} would collide with the run's own outputs (clusters.jsonl, report.json, removed/); rename it.");
        }

        var configuration = new RunConfiguration(
            options.TextFields, options.IdField, parameters.ShingleSize, parameters.Permutations, options.Threshold,
            parameters.Bands, parameters.Rows, bandsChosen, parameters.Seed, options.Verify,
            options.Keep.Name, options.Strict, new MemoryBudget(options.MemoryBytes).RecordBytes, options.Sweep, FoldTable.Default.Fingerprint.ToString("x16"));
        var against = options.Against.Select(dir => AgainstRunOf(dir, configuration)).ToList();
        if (new OutputCompression(options.CompressionLevel).ProblemWith(shards) is string problem)
        {
            throw new UsageException(problem);
        }

        ShardFieldCheck.Check(shards, options.TextFields, options.IdFieldGiven ? options.IdField : null);
        return new RunPlan(
            RunPlan.CurrentFormat,
            options.Inputs.Select(Path.GetFullPath).ToList(),
            Path.GetFullPath(options.Output),
            shards.Select(PlannedShard.Of).ToList(),
            configuration,
            SplitByBytes(shards, options.Tasks),
            options.Partitions,
            options.MemoryBytes,
            options.CompressionLevel,
            against,
            string.Empty,
            string.Empty).Sealed();
    }

    /// <summary>
    /// Takes the lock of the run folder that <paramref name="plan"/> goes into, once the folder is known to
    /// lie clear of the inputs and of OUT: the lock file is the first thing written into it.
    /// </summary>
    public static AdvisoryLock LockRunFolder(string runDir, RunPlan plan)
    {
        RunFolderPlacement.Check(runDir, plan.Output, plan.Inputs);
        return RunFolder.Lock(runDir);
    }

    /// <summary>
    /// Writes run.json into <paramref name="runDir"/>, or finds the same plan already there (a rerun
    /// resumes it). A plan that differs only in the threshold, the sweep, OUT, memory or compression
    /// replaces the folder's: its signatures and buckets are kept, the later stages' tasks removed
    /// (<paramref name="log"/> says so); when both plans chose their bands, the folder's bands are
    /// taken if they were chosen for a threshold no higher (their recall at the new one is at least
    /// as high). Any other plan is an error: the folder's files belong to it. The folder must lie
    /// clear of the inputs and of OUT (<see cref="RunFolderPlacement"/>).
    /// </summary>
    public static RunFolder PlanOrResume(string runDir, RunPlan plan, IRunLog? log = null)
    {
        RunFolderPlacement.Check(runDir, plan.Output, plan.Inputs);
        Directory.CreateDirectory(runDir);
        string path = Path.Combine(runDir, RunFileNames.Plan);
        if (File.Exists(path))
        {
            var existing = RunPlan.Load(runDir);
            if (existing.Hash == plan.Hash)
            {
                return new RunFolder(runDir, existing);
            }

            var replanned = WithBandsOf(existing, plan);
            var (was, now) = (existing.Configuration, plan.Configuration);
            if (!replanned.SignsLike(existing) && WithBands(plan, was.Bands, was.Rows).SignsLike(existing))
            {
                throw new UsageException(
                    $"{runDir} was banded for threshold {was.BandingThreshold} ({was.Bands} bands x {was.Rows} rows); threshold {now.BandingThreshold} needs the bands chosen for it "
                    + $"({now.Bands} x {now.Rows}), so the folder's band records cannot serve it. Give --bands {was.Bands} --rows {was.Rows} to keep this folder's bands, or use a new run folder; "
                    + "a folder meant for several thresholds is planned with --sweep down to the lowest of them (the bands are chosen for the lowest).");
            }

            if (!replanned.SignsLike(existing))
            {
                throw new UsageException(
                    $"{runDir} already holds a run planned with other inputs or settings (run.json hash {existing.Hash}, this plan {plan.Hash}). "
                    + "Only the threshold, --sweep, OUT, --memory and --compression-level may change between runs of one folder; "
                    + "use a new run folder, or delete this one to start over.");
            }

            var folder = new RunFolder(runDir, replanned);
            foreach (var stage in new[] { Stage.Cluster, Stage.Filter, Stage.Report })
            {
                if (Directory.Exists(folder.StageFolder(stage)))
                {
                    Directory.Delete(folder.StageFolder(stage), recursive: true);
                }
            }

            replanned.Save(path);
            log?.Info($"{runDir}: planned again at threshold {replanned.Configuration.Threshold} ({replanned.Configuration.Bands} bands x {replanned.Configuration.Rows} rows); its signatures and buckets are kept, cluster, filter and report run again");
            return folder;
        }

        plan.Save(path);
        return new RunFolder(runDir, plan);
    }

    /// <summary>
    /// <paramref name="plan"/> with the bands and rows of <paramref name="existing"/> when both were chosen from
    /// their thresholds and the existing ones for a threshold no higher than this plan's; else the plan as it is.
    /// </summary>
    private static RunPlan WithBandsOf(RunPlan existing, RunPlan plan)
    {
        var (was, now) = (existing.Configuration, plan.Configuration);
        if (!was.BandsChosenFromThreshold || !now.BandsChosenFromThreshold || was.BandingThreshold > now.BandingThreshold)
        {
            return plan;
        }

        return WithBands(plan, was.Bands, was.Rows);
    }

    private static RunPlan WithBands(RunPlan plan, int bands, int rows) =>
        (plan with { Configuration = plan.Configuration with { Bands = bands, Rows = rows } }).Sealed();

    /// <summary>
    /// Contiguous shard ranges with about equal bytes each, never more ranges than shards: the k-th
    /// cut is the shard boundary closest to k/tasks of the bytes, leaving a shard for every later range.
    /// </summary>
    internal static List<int[]> SplitByBytes(IReadOnlyList<Shard> shards, int tasks)
    {
        tasks = Math.Min(tasks, shards.Count);
        var before = new long[shards.Count + 1];
        for (int i = 0; i < shards.Count; i++)
        {
            before[i + 1] = before[i] + shards[i].Length;
        }

        var ranges = new List<int[]>();
        int cut = 0;
        for (int k = 1; k < tasks; k++)
        {
            double target = (double)before[^1] * k / tasks;
            int next = cut + 1;
            int last = shards.Count - (tasks - k);
            while (next < last && Math.Abs(before[next + 1] - target) <= Math.Abs(before[next] - target))
            {
                next++;
            }

            ranges.Add([cut, next]);
            cut = next;
        }

        ranges.Add([cut, shards.Count]);
        return ranges;
    }

    private static string Signing(RunConfiguration c) =>
        $"{c.ShingleSize}-grams, {c.Permutations} permutations, {c.Bands}x{c.Rows} bands, seed {c.Seed}, fold table {c.FoldTable}";

    private static AgainstRun AgainstRunOf(string runDir, RunConfiguration configuration)
    {
        var earlier = RunFolder.Open(runDir);
        if (!earlier.Plan.Configuration.SignsLike(configuration))
        {
            throw new UsageException(
                $"--against {runDir}: that run signed with {Signing(earlier.Plan.Configuration)}, this one would sign with {Signing(configuration)}; "
                + "their band keys meet only when both sign the same way. Give the same --ngram, --num-perm, --bands/--rows (or --threshold) and --seed.");
        }

        var missing = earlier.MissingTasks(Stage.Cluster);
        if (missing.Count > 0)
        {
            throw new UsageException($"--against {runDir}: its cluster stage has not finished; finish that run first.");
        }

        return new AgainstRun(earlier.Path, earlier.Plan.Hash);
    }
}
