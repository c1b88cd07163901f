using System.CommandLine;
using System.CommandLine.Parsing;
using Dedup.Engine;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Slurm;
using Dedup.Kernels.Backends;

namespace Dedup.Cli.Commands;

/// <summary><c>dedup slurm submit [INPUT...] --run-dir D</c>: plans the run if need be and submits its unfinished tasks.</summary>
public static class SlurmSubmitCommand
{
    public static Command Create()
    {
        var configuration = new ConfigurationOptions(inputsOptional: true);
        var runDir = new Option<string>("--run-dir") { Description = "The run folder: planned here from INPUT, or planned before (then INPUT may be left out).", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "Where the filter stage writes the outputs (default: RUN_DIR/output); as in `dedup plan`." };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition of every job (#SBATCH --partition)." };
        var time = new Option<string?>("--time") { Description = "Time limit of each array task (#SBATCH --time), e.g. 2:00:00." };
        var maxParallel = new Option<int?>("--max-parallel") { Description = "At most this many array tasks of a stage run at once (--array=...%W)." };
        var sbatchArgs = new Option<string[]>("--sbatch-arg") { Description = "Any other sbatch option for every job, as one word (repeatable), e.g. --sbatch-arg=--gres=gpu:1 --sbatch-arg=--account=proj. Written as #SBATCH lines.", AllowMultipleArgumentsPerToken = false };
        var device = new Option<string?>("--device") { Description = $"{MachineOptions.DeviceHelp} For the signature tasks; default: that of the last submission, else auto." };
        var threads = new Option<int?>("--threads") { Description = "CPU threads of each task (default 0: all cores the task sees)." };
        var force = new Option<bool>("--force") { Description = "Submit even though jobs submitted earlier for this run are still in the queue (their tasks may then run twice; the results are the same)." };
        device.AcceptOnlyFromAmong([.. DeviceKinds.Names]);

        var command = new Command("submit", """
            Plan the run (as `dedup plan`, when INPUT is given) and submit every unfinished task: one
            sbatch array job per stage (signatures, buckets, cluster, filter), each with
            --dependency=afterok on the one before and --kill-on-invalid-dep=yes. The scripts are in
            RUN_DIR/slurm/, the logs in RUN_DIR/slurm/logs/. Run it again on the same run folder,
            with or without INPUT, to submit only the tasks that have not finished. Slurm options
            left out are those of the last submission. Prints the job ids.
            """);
        configuration.AddTo(command);
        command.Add(runDir);
        command.Add(output);
        foreach (var option in new Option[] { partition, time, maxParallel, sbatchArgs, device, threads, force })
        {
            command.Add(option);
        }

        // Options that do not change the plan, so they may come without INPUT.
        var slurmOnly = new HashSet<Option> { runDir, partition, time, maxParallel, sbatchArgs, device, threads, force };
        command.SetAction((ParseResult r) => FailureHandler.Run(Console.Error, () =>
        {
            string dir = r.GetValue(runDir)!;
            RunFolder run;
            if (configuration.HasInputs(r))
            {
                PlanCommand.Plan(configuration, r, dir, r.GetValue(output));
                run = RunFolder.Open(dir);
            }
            else
            {
                var planOptions = r.CommandResult.Children.OfType<OptionResult>().Where(o => !o.Implicit && !slurmOnly.Contains(o.Option)).Select(o => o.Option.Name).ToList();
                if (planOptions.Count > 0)
                {
                    throw new UsageException($"{string.Join(", ", planOptions)} without INPUT: the run in {dir} is planned already, and its run.json fixes those. Leave them out to resubmit that run, or give INPUT and a new --run-dir to plan another.");
                }

                run = RunFolder.Open(dir);
            }

            var given = new SlurmSettings(
                SlurmProgram.Command(), r.GetValue(partition), r.GetValue(time), r.GetValue(maxParallel),
                r.GetValue(sbatchArgs) is { Length: > 0 } extra ? extra : null, r.GetValue(device), r.GetValue(threads));
            var settings = given.OrLastOf(run);
            var slurm = new SlurmCommands();
            if (!r.GetValue(force))
            {
                SlurmLauncher.RefuseWhileQueued(run, slurm);
            }

            var jobs = SlurmLauncher.Submit(run, settings, slurm);
            if (jobs.Count == 0)
            {
                Console.Out.WriteLine($"every task of every stage has finished; nothing to submit. The outputs are in {run.Plan.Output}.");
                return ExitCodes.Success;
            }

            foreach (var job in jobs)
            {
                Console.Out.WriteLine($"{job.Stage.Name(),-10} job {job.JobId}  tasks {job.Tasks}");
            }

            Console.Out.WriteLine($"submitted {jobs.Count} job(s): {string.Join(' ', jobs.Select(j => j.JobId))}; scripts and logs in {SlurmFolder.Of(run)}. Follow with: dedup slurm status {ShellQuote.Bash(run.Path)}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
