using System.Diagnostics;
using System.Globalization;
using Dedup.Engine.Progress;

namespace Dedup.Cli;

/// <summary>
/// Shows a run's progress on stderr: a line rewritten in place on a terminal, plain lines at a
/// slower pace when stderr is a file or a pipe (logs of batch jobs stay readable).
/// </summary>
public sealed class ProgressPrinter : IDisposable
{
    private readonly RunProgress progress;
    private readonly TextWriter error;
    private readonly bool live;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Timer timer;
    private readonly object gate = new();
    private int lastLength;
    private bool disposed;

    public ProgressPrinter(RunProgress progress, TextWriter error, bool live)
    {
        this.progress = progress;
        this.error = error;
        this.live = live;
        var interval = live ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(10);
        timer = new Timer(_ => Print(), null, interval, interval);
    }

    /// <summary>The progress line for the current state (also used by tests).</summary>
    public static string Describe(RunProgress progress, TimeSpan elapsed)
    {
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        switch (progress.Stage)
        {
            case "signatures":
                double mb = progress.TextBytes / 1e6;
                double fraction = progress.FileBytesTotal > 0 ? Math.Min(1, (double)progress.FileBytesRead / progress.FileBytesTotal) : 0;
                string eta = fraction > 0.001 ? $", ETA {Duration(TimeSpan.FromSeconds(seconds * (1 - fraction) / fraction))}" : string.Empty;
                return string.Create(CultureInfo.InvariantCulture, $"signatures: {progress.Documents:N0} documents, {mb:N1} MB, {mb / seconds:N1} MB/s, {fraction * 100:F0}%{eta}");
            case "filter":
                return string.Create(CultureInfo.InvariantCulture, $"filter: {progress.ShardsWritten:N0}/{progress.ShardsTotal:N0} shards written");
            default:
                return $"{progress.Stage}...";
        }
    }

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
        lock (gate)
        {
            disposed = true;
            timer.Dispose();
            ClearLiveLine();
        }
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
            if (disposed)
            {
                return;
            }

            string line = "dedup: " + Describe(progress, clock.Elapsed);
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

    /// <summary>A 20-cell bar of the input read so far, for the live line while signing.</summary>
    internal static string Bar(RunProgress progress)
    {
        if (progress.Stage != "signatures" || progress.FileBytesTotal <= 0)
        {
            return string.Empty;
        }

        int filled = (int)Math.Min(20, 20 * progress.FileBytesRead / progress.FileBytesTotal);
        return "[" + new string('#', filled) + new string('.', 20 - filled) + "] ";
    }

    private static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:D2}s" : $"{t.Seconds}s";
}
