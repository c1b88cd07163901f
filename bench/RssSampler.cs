using System.Globalization;

namespace Dedup.Bench;

/// <summary>
/// Samples the resident memory (VmRSS) of the children of one process (the <c>measure</c> process: its child
/// is the dedup stage) every <paramref name="intervalMs"/> milliseconds, for a timeline of where a stage's
/// memory goes. The exact peak comes from getrusage; samples can miss a short spike between them.
/// </summary>
public sealed class RssSampler : IDisposable
{
    private readonly int parent;
    private readonly Timer timer;
    private readonly List<RssSample> samples = [];
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

    public RssSampler(int parent, int intervalMs = 500)
    {
        this.parent = parent;
        timer = new Timer(_ => Sample(), null, 0, intervalMs);
    }

    /// <summary>(seconds since the start, the children's summed RSS), in order.</summary>
    public IReadOnlyList<RssSample> Samples
    {
        get
        {
            lock (samples)
            {
                return samples.ToList();
            }
        }
    }

    public void Dispose()
    {
        timer.Dispose();
    }

    private void Sample()
    {
        try
        {
            long rss = 0;
            foreach (var child in File.ReadAllText($"/proc/{parent}/task/{parent}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                rss += VmRss(child);
            }

            lock (samples)
            {
                samples.Add(new RssSample(Math.Round(clock.Elapsed.TotalSeconds, 1), rss));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // The process is gone (or not yet there): nothing to sample this time.
        }
    }

    private static long VmRss(string pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
