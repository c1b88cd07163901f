namespace Dedup.Cli;

/// <summary>The process exit codes; --help states them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line is wrong or asks for something unsafe (also System.CommandLine's parse errors).</summary>
    public const int Usage = 1;

    /// <summary>The run could not finish: bad input, I/O failure, a device that is not there.</summary>
    public const int Failure = 2;
}
