namespace Dedup.Cli;

/// <summary>The process exit codes, the same in every command; the root --help states them (<see cref="Description"/>).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line is wrong (it does not parse, or names an unknown option) or asks for something unsafe.</summary>
    public const int Usage = 1;

    /// <summary>
    /// The command could not finish: bad input, or a missing one (an input path, a run folder, the OUT of a
    /// finished run), an I/O failure, a device that is not there, sbatch failing.
    /// </summary>
    public const int Failure = 2;

    public static readonly string Description = $"""
        Exit codes, the same for every command: {Success} success; {Usage} usage error (the command line is
        wrong, or asks for something unsafe); {Failure} failure (bad or missing input: an input path, a run
        folder, the OUT of a finished run; I/O; a device that is not there; sbatch failing).
        """;
}
