using Dedup.Engine;

namespace Dedup.Cli;

/// <summary>Engine messages go to stderr, so stdout carries only the summary.</summary>
public sealed class ConsoleLog(TextWriter error) : IRunLog
{
    public void Info(string message) => error.WriteLine($"dedup: {message}");

    public void Warning(string message) => error.WriteLine($"dedup: warning: {message}");
}
