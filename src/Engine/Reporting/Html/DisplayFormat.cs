using System.Globalization;

namespace Dedup.Engine.Reporting.Html;

/// <summary>How numbers read on the page: invariant culture, so a report looks the same wherever it was made.</summary>
internal static class DisplayFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>"1 cluster", "2 clusters": a count with its noun, plural unless one.</summary>
    public static string Count(long value, string noun) => $"{Count(value)} {noun}{(value == 1 ? string.Empty : "s")}";

    /// <summary>A share as a percentage with one decimal, "0.0 %" for an empty whole.</summary>
    public static string Percent(long part, long whole) => Percent(whole == 0 ? 0 : (double)part / whole);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", Invariant) + " %";

    /// <summary>Decimal megabytes, the unit of the MB/s figures beside them.</summary>
    public static string Megabytes(long bytes) => Number(bytes / 1e6, bytes < 10_000_000 ? 2 : 1) + " MB";

    /// <summary>Decimal megabytes per second, a dash when no time was measured.</summary>
    public static string Throughput(long bytes, double seconds) =>
        seconds > 0 ? Number(bytes / 1e6 / seconds, 1) + " MB/s" : "– MB/s";

    public static string Seconds(double seconds) => Number(seconds, seconds < 10 ? 2 : 1) + " s";

    public static string Number(double value, int decimals) => value.ToString("N" + decimals, Invariant);

    /// <summary>An SVG coordinate: one decimal is finer than a pixel and keeps the page small.</summary>
    public static string Coordinate(double value) => Math.Round(value, 1).ToString("0.#", Invariant);
}
