using System.CommandLine;
using Dedup.Engine;
using Dedup.Engine.Execution;
using Dedup.Engine.Output;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Stages;
using Dedup.Engine.Stages.Buckets;

namespace Dedup.Cli.Commands;

/// <summary><c>dedup signatures|buckets|cluster|filter --run-dir D [--task-index I]</c>: one stage's tasks of a planned run.</summary>
public static class StageCommand
{
    private const string SlurmTaskVariable = "SLURM_ARRAY_TASK_ID";

    public static Command Create(Stage stage)
    {
        var machine = new MachineOptions();
        var runDir = new Option<string>("--run-dir") { Description = "The run folder `dedup plan` made.", Required = true };
        var taskIndex = new Option<int?>("--task-index") { Description = $"The task to run (0-based). Default: ${SlurmTaskVariable} when set, else every task of the stage that has not finished, one after another." };
        var command = new Command(stage.Name(), Describe(stage)) { runDir, taskIndex };
        machine.AddTo(command);
        command.SetAction((ParseResult r) => FailureHandler.RunInterruptible(Console.Error, interruption =>
        {
            var run = RunFolder.Open(r.GetValue(runDir)!);
            bool silent = machine.Quiet(r);
            var progress = new RunProgress();
            var tasks = TasksToRun(stage, run, r.GetValue(taskIndex));
            int ran;
            // The report step publishes into OUT, so it holds OUT's lock, as dedup run does; the filter's
            // tasks, side by side, each write their own shards and hold only their task's lock.
            using (var publishing = stage == Stage.Report ? OutputDirectory.Lock(run.Plan.Output) : null)
            using (var printer = silent ? null : new ProgressPrinter(progress, Console.Error, live: !Console.IsErrorRedirected))
            {
                var log = new ConsoleLog(Console.Error, silent, printer);
                interruption.Notify = log.Notice;
                var context = new StageContext(run, machine.Device(r), machine.Threads(r), run.Plan.Output, log, progress, interruption.Token);
                ran = StageRunner.Run(stage, tasks, context);
            }

            int missing = run.MissingTasks(stage).Count;
            Console.Out.WriteLine($"{stage.Name()}: ran {ran} task(s); {run.Plan.TaskCount(stage) - missing} of {run.Plan.TaskCount(stage)} finished");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static IReadOnlyList<int> TasksToRun(Stage stage, RunFolder run, int? given)
    {
        if (given is int task)
        {
            return [task];
        }

        string? slurm = Environment.GetEnvironmentVariable(SlurmTaskVariable);
        if (!string.IsNullOrEmpty(slurm))
        {
            return int.TryParse(slurm, out int index)
                ? [index]
                : throw new UsageException($"${SlurmTaskVariable}={slurm} is not a task index; give --task-index.");
        }

        return run.MissingTasks(stage);
    }

    private static string Describe(Stage stage) => stage switch
    {
        Stage.Signatures => "Sign the documents of one shard range: documents, signatures and sorted band runs per partition.",
        Stage.Buckets => $"Merge one key range of every band into buckets and verify their candidate pairs (every pair in buckets of up to {BucketTask.AllPairsUpTo}, each member with the leader in larger ones); link exact duplicates.",
        Stage.Cluster => "Union-find over every verified edge: keepers, cluster numbers, clusters.jsonl and the report (one task).",
        Stage.Filter => "Write one shard range without its removed rows, and the removed rows, into the plan's output folder.",
        _ => "Publish clusters.jsonl, report.json and report.html into the plan's output folder, with the filter's output sizes (one task, after every filter task).",
    } + " Finished tasks are skipped; the task count comes from run.json. A task is locked while it runs (a second attempt at it fails at once);"
        + " Ctrl-C or SIGTERM stop it at the next batch and remove its partial folder (exit 130, 143).";
}
