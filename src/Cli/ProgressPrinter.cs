using System.Globalization;
using Dedup.Engine.Execution;

namespace Dedup.Cli;

/// <summary>
/// Shows a run's progress on stderr: a line when each stage starts and when it ends and, while it
/// runs, a line rewritten in place on a terminal, or plain lines at a slower pace when stderr is a
/// file or a pipe (logs of batch jobs stay readable).
/// </summary>
public sealed class ProgressPrinter : IDisposable
{
    /// <summary>
    /// Test hook: the milliseconds between plain lines, instead of 10 s, so that tests see them
    /// without waiting.
    /// </summary>
    internal const string IntervalVariable = "DEDUP_PROGRESS_INTERVAL_MS";

    /// <summary>
    /// A running stage is not done, whatever its counters say (a task still sorts or writes what it
    /// has counted): the fraction shown stops here, and the ETA goes, until the stage ends.
    /// </summary>
    private const double Unfinished = 0.99;

    private readonly RunProgress progress;
    private readonly TextWriter error;
    private readonly bool live;
    private readonly TimeSpan interval;
    private readonly Timer timer;
    private readonly object gate = new();
    private int lastLength;
    private bool disposed;

    public ProgressPrinter(RunProgress progress, TextWriter error, bool live)
    {
        this.progress = progress;
        this.error = error;
        this.live = live;
        interval = live ? TimeSpan.FromMilliseconds(250) : PlainInterval();
        // Started by each stage, so that a stage's plain lines come an interval after its start and after each other.
        timer = new Timer(_ => Print(), null, Timeout.Infinite, Timeout.Infinite);
        progress.StageStarted += OnStageStarted;
        progress.StageEnded += OnStageEnded;
    }

    /// <summary>The progress line of the running stage, <paramref name="elapsed"/> into it (also used by tests).</summary>
    public static string Describe(RunProgress progress, TimeSpan elapsed)
    {
        double fraction = progress.Fraction;
        string eta = fraction is > 0.001 and < Unfinished ? $", ETA {Duration(elapsed * ((1 - fraction) / fraction))}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{progress.Stage}: {Amounts(progress, elapsed)}, {Math.Min(fraction, Unfinished) * 100:F0}%{eta}");
    }

    /// <summary>The line that says a stage has started, and which of its tasks run here.</summary>
    internal static string Started(RunProgress progress) =>
        progress.Tasks.Count == 1
            ? $"{progress.Stage}: started (task {progress.Tasks[0]} of {progress.TaskCount})"
            : $"{progress.Stage}: started ({progress.Tasks.Count} tasks of {progress.TaskCount})";

    /// <summary>The line that says a stage has ended: its seconds and what it did.</summary>
    internal static string Ended(RunProgress progress) =>
        string.Create(CultureInfo.InvariantCulture, $"{progress.Stage}: done in {progress.Elapsed.TotalSeconds:F1} s ({Amounts(progress, progress.Elapsed)})");

    /// <summary>Writes a message on a line of its own, clearing the live line first so the two never mix.</summary>
    public void WriteLine(string message)
    {
        lock (gate)
        {
            ClearLiveLine();
            error.WriteLine(message);
        }
    }

    public void Dispose()
    {
        progress.StageStarted -= OnStageStarted;
        progress.StageEnded -= OnStageEnded;
        lock (gate)
        {
            disposed = true;
            timer.Dispose();
            ClearLiveLine();
        }
    }

    /// <summary>A 20-cell bar of the running stage's fraction done, for the live line.</summary>
    internal static string Bar(RunProgress progress)
    {
        if (!progress.Running)
        {
            return string.Empty;
        }

        int filled = (int)(20 * Math.Min(progress.Fraction, Unfinished));
        return "[" + new string('#', filled) + new string('.', 20 - filled) + "] ";
    }

    private static TimeSpan PlainInterval() =>
        int.TryParse(Environment.GetEnvironmentVariable(IntervalVariable), out int milliseconds) && milliseconds > 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : TimeSpan.FromSeconds(10);

    private static string Amounts(RunProgress progress, TimeSpan elapsed)
    {
        double megabytes = progress.Bytes / 1e6;
        return string.Create(CultureInfo.InvariantCulture, $"{progress.Items:N0} {progress.Unit}, {megabytes:N1} MB, {megabytes / Math.Max(elapsed.TotalSeconds, 1e-3):N1} MB/s");
    }

    private static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:D2}s" : $"{t.Seconds}s";

    private void OnStageStarted()
    {
        WriteLine("dedup: " + Started(progress));
        timer.Change(interval, interval);
    }

    private void OnStageEnded()
    {
        timer.Change(Timeout.Infinite, Timeout.Infinite);
        WriteLine("dedup: " + Ended(progress));
    }

    private void ClearLiveLine()
    {
        if (live && lastLength > 0)
        {
            error.Write("\r" + new string(' ', lastLength) + "\r");
            lastLength = 0;
        }
    }

    private void Print()
    {
        lock (gate)
        {
            // A tick that was already due when the stage ended finds it ended and prints nothing.
            if (disposed || !progress.Running)
            {
                return;
            }

            string line = "dedup: " + Describe(progress, progress.Elapsed);
            if (live)
            {
                line = Bar(progress) + line;
                error.Write("\r" + line.PadRight(lastLength));
                lastLength = line.Length;
            }
            else
            {
                error.WriteLine(line);
            }
        }
    }
}
