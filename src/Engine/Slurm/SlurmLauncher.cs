using Dedup.Engine.IO;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;

namespace Dedup.Engine.Slurm;

/// <summary>
/// <c>dedup slurm submit</c>: writes each stage's sbatch script into RUN_DIR/slurm/ and submits the
/// unfinished tasks of each stage, in stage order, each stage's job waiting for the one before to
/// succeed (afterok) and cancelled if it fails (--kill-on-invalid-dep=yes). Finished tasks are
/// never submitted, so a first submission and a resubmission after failures are the same call.
/// The stage commands do the work; this only decides which tasks go to the scheduler.
/// </summary>
public static class SlurmLauncher
{
    public static IReadOnlyList<SubmittedJob> Submit(RunFolder run, SlurmSettings settings, ISlurmCommands slurm)
    {
        settings.Check();
        WriteScripts(run, settings);
        var submitted = new List<SubmittedJob>();
        string? previous = null;
        try
        {
            foreach (var stage in Pending(run, settings.MaxParallel))
            {
                string job = slurm.Submit(stage.After(previous));
                submitted.Add(new SubmittedJob(stage.Stage, job, ArrayRanges.Format(stage.Tasks), DateTimeOffset.Now));
                previous = job;
            }
        }
        catch (Exception e) when (submitted.Count > 0 && e is InputException or IOException)
        {
            SubmittedJob.Append(run, submitted);
            string ids = string.Join(' ', submitted.Select(j => j.JobId));
            throw new InputException($"{e.Message} The stages before were submitted as jobs {ids}; the rest would wait for them. Cancel them (scancel {ids}), or let them run and submit again later: dedup slurm submit --run-dir {ShellQuote.Bash(run.Path)}");
        }

        SubmittedJob.Append(run, submitted);
        return submitted;
    }

    /// <summary>The sbatch calls that submit every unfinished task, stage by stage; none for a finished stage.</summary>
    public static IReadOnlyList<StageSubmission> Pending(RunFolder run, int? maxParallel)
    {
        var pending = new List<StageSubmission>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var missing = run.MissingTasks(stage);
            if (missing.Count == 0)
            {
                continue;
            }

            var arguments = new List<string> { "--parsable" };
            if (run.Plan.TaskCount(stage) > 1)
            {
                arguments.Add($"--array={ArrayRanges.ForSbatch(missing, maxParallel)}");
            }

            arguments.Add(SlurmFolder.Script(run, stage));
            pending.Add(new StageSubmission(stage, missing, arguments));
        }

        return pending;
    }

    /// <summary>RUN_DIR/slurm/STAGE.sbatch for every stage, submit.json, and the logs folder (Slurm does not create it).</summary>
    public static void WriteScripts(RunFolder run, SlurmSettings settings)
    {
        Directory.CreateDirectory(SlurmFolder.Logs(run));
        foreach (var stage in Enum.GetValues<Stage>())
        {
            string path = SlurmFolder.Script(run, stage);
            DurableFile.Write(path, s =>
            {
                using var writer = new StreamWriter(s, leaveOpen: true);
                writer.Write(SbatchScript.Text(run, stage, settings));
            });
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        settings.Save(run);
    }

    /// <summary>Two submissions of the same tasks would race each other: both finish, the first rename wins, but the cluster pays twice.</summary>
    public static void RefuseWhileQueued(RunFolder run, ISlurmCommands slurm)
    {
        var ids = SubmittedJob.ReadAll(run).Select(j => j.JobId).Distinct().ToList();
        var queued = slurm.Queued(ids);
        if (queued is { Count: > 0 })
        {
            throw new UsageException(
                $"jobs submitted earlier for {run.Path} are still in the queue ({string.Join("; ", queued)}). "
                + "Wait for them (dedup slurm status shows what they leave undone), cancel them with scancel, or give --force to submit anyway.");
        }
    }
}
