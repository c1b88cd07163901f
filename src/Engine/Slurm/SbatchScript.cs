using System.Text;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Slurm;

/// <summary>
/// The sbatch script of one stage: a job array with one array task per task of the stage (a plain
/// job when the stage has one task), that runs the stage's dedup command on the run folder. The
/// task index comes from $SLURM_ARRAY_TASK_ID, which the stage commands read themselves, so the
/// same script serves a full submission and a resubmission of a few indices (--array=1,3).
/// </summary>
public static class SbatchScript
{
    /// <summary>The job name, which also starts each log file's name (%x).</summary>
    public static string JobName(Stage stage) => $"dedup-{stage.Name()}";

    public static string Text(RunFolder run, Stage stage, SlurmSettings settings)
    {
        int tasks = run.Plan.TaskCount(stage);
        bool array = tasks > 1;
        string script = SlurmFolder.Script(run, stage);
        string quotedScript = ShellQuote.Bash(script);
        string quotedRun = ShellQuote.Bash(run.Path);
        var text = new StringBuilder();
        text.AppendLine("#!/bin/bash");
        text.AppendLine($"# The {stage.Name()} stage of the dedup run in {run.Path} (run.json hash {run.Plan.Hash}): {tasks} task{(array ? "s" : string.Empty)}.");
        text.AppendLine("# Written by `dedup slurm submit`, which submits the stages chained with afterok dependencies.");
        text.AppendLine("#");
        text.AppendLine("# By hand (options given to sbatch override the #SBATCH lines below):");
        string all = ArrayRanges.ForSbatch(Enumerable.Range(0, tasks).ToList(), settings.MaxParallel);
        if (array)
        {
            text.AppendLine($"#   every task ({all}):  sbatch {quotedScript}");
            text.AppendLine($"#   tasks 0 and {tasks - 1} only:  sbatch --array=0,{tasks - 1} {quotedScript}");
        }
        else
        {
            text.AppendLine($"#   the task:  sbatch {quotedScript}");
        }

        text.AppendLine($"#   after job JOBID succeeds:  sbatch --dependency=afterok:JOBID --kill-on-invalid-dep=yes {quotedScript}");
        text.AppendLine($"#   here, without Slurm ({(array ? "every unfinished task in turn" : "the task")}):  bash {quotedScript}");
        text.AppendLine($"# A task that finished (its folder {stage.Name()}/task-NNNNN/ with done.json) is skipped when it runs again.");
        text.AppendLine($"# The stage needs every task of the stage before it. `dedup slurm status {quotedRun}` shows what is missing;");
        text.AppendLine($"# `dedup slurm submit --run-dir {quotedRun}` submits only that. Logs: {SlurmFolder.Logs(run)}/.");
        text.AppendLine($"#SBATCH --job-name={ShellQuote.SbatchDirective(JobName(stage))}");
        text.AppendLine($"#SBATCH {ShellQuote.SbatchDirective($"--output={Path.Combine(SlurmFolder.Logs(run), array ? "%x-%A_%a.out" : "%x-%j.out")}")}");
        if (array)
        {
            text.AppendLine($"#SBATCH --array={all}");
        }

        if (settings.Partition is not null)
        {
            text.AppendLine($"#SBATCH {ShellQuote.SbatchDirective($"--partition={settings.Partition}")}");
        }

        if (settings.Time is not null)
        {
            text.AppendLine($"#SBATCH {ShellQuote.SbatchDirective($"--time={settings.Time}")}");
        }

        foreach (string argument in settings.SbatchArguments)
        {
            text.AppendLine($"#SBATCH {ShellQuote.SbatchDirective(argument)}");
        }

        text.AppendLine("set -euo pipefail");
        text.AppendLine($"echo \"dedup {stage.Name()} task ${{SLURM_ARRAY_TASK_ID:-{(array ? "(every unfinished one)" : "0")}}}, job ${{SLURM_JOB_ID:-none}}, on $(hostname) at $(date -Is)\" >&2");
        text.AppendLine("exec " + ShellQuote.Bash(Command(run, stage, settings)));
        return text.ToString();
    }

    /// <summary>
    /// The stage command a task runs. A one-task stage names its task: a job that is not an array
    /// may still see $SLURM_ARRAY_TASK_ID of the array job it was submitted from.
    /// </summary>
    public static IReadOnlyList<string> Command(RunFolder run, Stage stage, SlurmSettings settings)
    {
        var command = new List<string>(settings.Program) { stage.Name(), "--run-dir", run.Path };
        if (run.Plan.TaskCount(stage) == 1)
        {
            command.AddRange(["--task-index", "0"]);
        }

        command.AddRange(["--device", settings.Device ?? DeviceKind.Auto.Name(), "--threads", (settings.Threads ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return command;
    }
}
