using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;

namespace Dedup.Engine.Slurm;

/// <summary>
/// <c>dedup slurm status</c>: per stage, the finished and missing tasks and the attempts writing (or
/// dead while writing) one; the run's jobs still queued; and the commands that submit only what is missing.
/// </summary>
public static class SlurmStatus
{
    /// <summary>Writes the status of <paramref name="run"/>; <paramref name="program"/> is the dedup command the resubmission line names.</summary>
    public static void Write(TextWriter output, RunFolder run, ISlurmCommands slurm, IReadOnlyList<string> program, DateTime now)
    {
        var plan = run.Plan;
        output.WriteLine($"run {run.Path} (run.json hash {plan.Hash}): {plan.Shards.Count} shards, output {plan.Output}");
        var stages = StageProgress.Of(run);
        foreach (var stage in stages)
        {
            string missing = stage.Missing.Count == 0 ? "done" : $"missing {ArrayRanges.Format(stage.Missing)}";
            output.WriteLine($"  {stage.Stage.Name(),-10} {stage.Finished,5}/{stage.Total,-5} {missing}");
            foreach (var attempt in stage.Attempts)
            {
                double idle = Math.Max(0, (now - attempt.LastWriteUtc).TotalSeconds);
                output.WriteLine($"  {string.Empty,-10} task {attempt.Task}: an attempt ({(object?)attempt.Owner ?? "an older dedup"}, last wrote {idle:N0} s ago) is writing, or died writing, {attempt.Folder}");
            }
        }

        PrintQueue(output, run, slurm);
        var pending = SlurmLauncher.Pending(run, SlurmSettings.Load(run)?.MaxParallel);
        if (pending.Count == 0)
        {
            output.WriteLine($"every task has finished; the outputs are in {plan.Output}");
            return;
        }

        output.WriteLine("to submit only the missing tasks, chained (finished tasks never run again):");
        output.WriteLine($"  {ShellQuote.Bash([.. program, "slurm", "submit", "--run-dir", run.Path])}");
        if (!pending.All(p => File.Exists(SlurmFolder.Script(run, p.Stage))))
        {
            output.WriteLine($"  (that writes the sbatch scripts into {SlurmFolder.Of(run)}; there are none yet)");
            return;
        }

        output.WriteLine("or with sbatch by hand, the same:");
        foreach (string line in RawLines(pending))
        {
            output.WriteLine($"  {line}");
        }
    }

    /// <summary>The sbatch calls of a submission as shell lines, each job id kept in $jN for the next line's dependency.</summary>
    internal static IReadOnlyList<string> RawLines(IReadOnlyList<StageSubmission> pending)
    {
        const string Previous = "\u0001previous\u0001";
        var lines = new List<string>();
        for (int i = 0; i < pending.Count; i++)
        {
            var arguments = pending[i].After(i == 0 ? null : Previous);
            string call = "sbatch " + string.Join(' ', arguments.Select(a => a.Contains(Previous, StringComparison.Ordinal)
                ? a.Replace(Previous, $"$j{i}", StringComparison.Ordinal)
                : ShellQuote.Bash(a)));
            lines.Add(i < pending.Count - 1 ? $"j{i + 1}=$({call})" : call);
        }

        return lines;
    }

    private static void PrintQueue(TextWriter output, RunFolder run, ISlurmCommands slurm)
    {
        var jobs = SubmittedJob.ReadAll(run);
        if (jobs.Count == 0)
        {
            return;
        }

        var last = jobs[^1];
        output.WriteLine($"jobs: {jobs.Count} submitted (RUN_DIR/slurm/jobs.jsonl), the last {last.JobId} ({last.Stage.Name()} tasks {last.Tasks}) at {last.Submitted:yyyy-MM-dd HH:mm:ss}");
        var queued = slurm.Queued(jobs.Select(j => j.JobId).Distinct().ToList());
        if (queued is null)
        {
            output.WriteLine("  squeue cannot say which of them are still queued (not installed, or no controller)");
        }
        else if (queued.Count == 0)
        {
            output.WriteLine("  none of them is still in the queue");
        }
        else
        {
            output.WriteLine("  still in the queue (squeue: job, state, reason):");
            foreach (string line in queued)
            {
                output.WriteLine($"    {line}");
            }
        }
    }
}
