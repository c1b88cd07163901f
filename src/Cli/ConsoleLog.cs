using Dedup.Engine;
using Dedup.Engine.IO;

namespace Dedup.Cli;

/// <summary>
/// Engine messages go to stderr, so stdout carries only the summary; --quiet keeps only warnings.
/// With a progress printer, messages go through it so they never land on the live progress line.
/// </summary>
public sealed class ConsoleLog(TextWriter error, bool quiet = false, ProgressPrinter? progress = null) : IRunLog
{
    /// <summary>A line of its own, even under --quiet (the notice of a signal).</summary>
    public void Notice(string line) => Write(line);

    public void Info(string message)
    {
        if (!quiet)
        {
            Write($"dedup: {message}");
        }
    }

    public void Warning(string message) => Write($"dedup: warning: {message}");

    private void Write(string message)
    {
        string line = MessageText.Safe(message, MessageText.MessageChars);
        if (progress is null)
        {
            error.WriteLine(line);
        }
        else
        {
            progress.WriteLine(line);
        }
    }
}
