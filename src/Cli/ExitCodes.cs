namespace Dedup.Cli;

/// <summary>The process exit codes, the same in every command; the root --help states them (<see cref="Description"/>).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line is wrong (it does not parse, or names an unknown option) or asks for something unsafe.</summary>
    public const int Usage = 1;

    /// <summary>
    /// The command could not finish: bad input, or a missing one (an input path, a run folder, the OUT of a
    /// finished run), an I/O failure, a device that is not there, sbatch failing; or it could not start
    /// now: another run holds the lock of OUT, the run folder or the task (the command line is right,
    /// and the same command succeeds once that run is done, so this is no usage error).
    /// </summary>
    public const int Failure = 2;

    /// <summary>Ctrl-C (SIGINT, 128 + 2, as a shell reports it): the command stopped at its next batch and removed what it had staged.</summary>
    public const int Interrupted = 130;

    /// <summary>SIGTERM (128 + 15; a scheduler's kill or timeout): as <see cref="Interrupted"/>.</summary>
    public const int Terminated = 143;

    public static readonly string Description = $"""
        Exit codes, the same for every command: {Success} success; {Usage} usage error (the command line is
        wrong, or asks for something unsafe); {Failure} failure (bad or missing input: an input path, a run
        folder, the OUT of a finished run; I/O; a device that is not there; sbatch failing; OUT, the run
        folder or the task in use by another run); {Interrupted} interrupted by Ctrl-C (SIGINT) and {Terminated} stopped by
        SIGTERM: run and the stage commands stop at their next batch, remove what they staged and leave OUT as it was.
        """;
}
