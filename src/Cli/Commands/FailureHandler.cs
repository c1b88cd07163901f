using Dedup.Engine;
using Dedup.Engine.IO;
using Dedup.Kernels.Backends;

namespace Dedup.Cli.Commands;

/// <summary>Runs a command's body and turns each kind of failure into its message and exit code.</summary>
public static class FailureHandler
{
    public static int Run(TextWriter error, Func<int> body) => Run(error, body, null);

    /// <summary>
    /// Runs the body of a command that can stop cleanly: Ctrl-C and SIGTERM cancel the token of the
    /// <see cref="Interruption"/> it gets, and the command exits 130 or 143, saying what it left.
    /// </summary>
    public static int RunInterruptible(TextWriter error, Func<Interruption, int> body)
    {
        using var interruption = new Interruption(error);
        return Run(error, () => body(interruption), interruption);
    }

    private static int Run(TextWriter error, Func<int> body, Interruption? interruption)
    {
        try
        {
            int code = body();
            if (code == ExitCodes.Success && interruption?.Signal is { } late)
            {
                // The signal came after the last point where the run could stop (while OUT was being committed).
                error.WriteLine($"dedup: {late} came too late to stop the run: it had finished, and OUT holds its whole output.");
            }

            return code;
        }
        catch (UsageException e)
        {
            error.WriteLine($"dedup: error: {MessageText.Safe(e.Message, MessageText.MessageChars)}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is InputException or ShardReadException or BackendUnavailableException or PlatformNotSupportedException)
        {
            error.WriteLine($"dedup: error: {MessageText.Safe(e.Message, MessageText.MessageChars)}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"dedup: error: {MessageText.Safe(e.Message, MessageText.MessageChars)}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException e) when (interruption?.Signal is { } signal)
        {
            error.WriteLine($"dedup: interrupted ({signal}); {MessageText.Safe(e is RunInterruptedException ? e.Message : "it stopped before it had finished", MessageText.MessageChars)}");
            return interruption.ExitCode;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("dedup: cancelled; no output was written.");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            error.WriteLine($"dedup: internal error: {e}");
            error.WriteLine("dedup: this is a bug; no output was written. Please report it with the command line.");
            return ExitCodes.Failure;
        }
    }
}
