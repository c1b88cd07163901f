using System.CommandLine;
using Dedup.Engine;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Slurm;

namespace Dedup.Cli.Commands;

/// <summary><c>dedup slurm status RUN_DIR</c>: finished and missing tasks per stage, and how to submit the missing ones.</summary>
public static class SlurmStatusCommand
{
    public static Command Create()
    {
        var runDirArgument = new Argument<string?>("RUN_DIR") { Description = "The run folder (or give --run-dir).", Arity = ArgumentArity.ZeroOrOne };
        var runDirOption = new Option<string?>("--run-dir") { Description = "The run folder." };
        var command = new Command("status", """
            Show a staged run's progress from its task folders: per stage, how many tasks have finished,
            which are missing, and attempts that are writing (or died writing) a task; the run's jobs
            still in the Slurm queue; and the commands that submit only the missing tasks.
            """)
        {
            runDirArgument,
            runDirOption,
        };
        command.SetAction((ParseResult r) => FailureHandler.Run(Console.Error, () =>
        {
            string dir = (r.GetValue(runDirArgument), r.GetValue(runDirOption)) switch
            {
                (string a, string o) when Path.GetFullPath(a) != Path.GetFullPath(o) => throw new UsageException($"RUN_DIR {a} and --run-dir {o} differ; give one of them."),
                (string a, _) => a,
                (_, string o) => o,
                _ => throw new UsageException("give the run folder: dedup slurm status RUN_DIR"),
            };
            SlurmStatus.Write(Console.Out, RunFolder.Open(dir), new SlurmCommands(), SlurmProgram.Command(), DateTime.UtcNow);
            return ExitCodes.Success;
        }));
        return command;
    }
}
