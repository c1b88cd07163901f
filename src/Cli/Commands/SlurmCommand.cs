using System.CommandLine;

namespace Dedup.Cli.Commands;

/// <summary><c>dedup slurm submit|status</c>: a staged run as chained Slurm array jobs.</summary>
public static class SlurmCommand
{
    public static Command Create() => new("slurm", """
        Run a staged run on a Slurm cluster: `submit` plans the run, writes one sbatch script per
        stage into RUN_DIR/slurm/ and submits the five stages as array jobs, each waiting for the one
        before; `status` shows which tasks have finished and how to resubmit the others.
        """)
    {
        SlurmSubmitCommand.Create(),
        SlurmStatusCommand.Create(),
    };
}
