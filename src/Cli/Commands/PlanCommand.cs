using System.CommandLine;
using Dedup.Engine.IO;
using Dedup.Engine.Output;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;

namespace Dedup.Cli.Commands;

/// <summary><c>dedup plan INPUT... --run-dir D</c>: writes run.json for a staged run.</summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var configuration = new ConfigurationOptions();
        var runDir = new Option<string>("--run-dir") { Description = "The run folder to create: run.json, then each stage's task folders.", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "Where the filter writes the deduplicated shards and the report step clusters.jsonl and the report (default: RUN_DIR/output). Outside the inputs." };
        var command = new Command("plan", """
            Plan a staged run: list the input shards (sorted), fix the configuration, split the work
            into tasks, and write RUN_DIR/run.json with a hash of all of it. Then run the stages, each
            task by itself (locally or as Slurm array tasks): dedup signatures|buckets|cluster|filter|report
            --run-dir RUN_DIR [--task-index I]. Planning the same run again changes nothing.
            """);
        configuration.AddTo(command);
        command.Add(runDir);
        command.Add(output);
        command.SetAction((ParseResult r) => FailureHandler.Run(Console.Error, () =>
        {
            string dir = r.GetValue(runDir)!;
            var plan = Plan(configuration, r, dir, r.GetValue(output));
            Console.Out.WriteLine($"planned {plan.Shards.Count} shards ({plan.Shards.Sum(s => s.Bytes) / 1e6:N1} MB): {plan.TaskCount(Stage.Signatures)} signatures tasks, {plan.Partitions} buckets tasks, 1 cluster task, {plan.TaskCount(Stage.Filter)} filter tasks, 1 report task");
            Console.Out.WriteLine($"wrote {Path.Combine(Path.GetFullPath(dir), RunFileNames.Plan)} (hash {plan.Hash}); output goes to {plan.Output}");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Plans (or finds the same plan already in) <paramref name="runDir"/>.</summary>
    internal static RunPlan Plan(ConfigurationOptions configuration, ParseResult r, string runDir, string? output)
    {
        string outputFolder = output ?? Path.Combine(runDir, "output");
        var options = configuration.Read(r, outputFolder);
        var shards = ShardDiscovery.Discover(options.Inputs);
        OutputDirectory.CheckPlacement(outputFolder, options.Inputs);
        var plan = RunPlanner.Create(options, shards);
        using var runLock = RunPlanner.LockRunFolder(runDir, plan);
        return RunPlanner.PlanOrResume(runDir, plan, new ConsoleLog(Console.Error)).Plan;
    }
}
