using Dedup.Engine;

namespace Dedup.Cli;

/// <summary>Engine messages go to stderr, so stdout carries only the summary; --quiet keeps only warnings.</summary>
public sealed class ConsoleLog(TextWriter error, bool quiet = false) : IRunLog
{
    public void Info(string message)
    {
        if (!quiet)
        {
            error.WriteLine($"dedup: {message}");
        }
    }

    public void Warning(string message) => error.WriteLine($"dedup: warning: {message}");
}
