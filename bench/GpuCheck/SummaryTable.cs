using System.Globalization;
using Dedup.Kernels.Backends;

namespace Dedup.Bench.GpuCheck;

/// <summary>The table gpu-check prints last, so that the end of a log says it all.</summary>
public static class SummaryTable
{
    /// <summary>Prints one line per backend; the first row is the CPU backend, the base of the "x cpu" column.</summary>
    public static void Print(IReadOnlyList<SummaryRow> rows, TextWriter output)
    {
        double cpu = rows[0].Benchmark is { Error: null } c ? c.MegabytesPerSecond : double.NaN;
        int width = Math.Max(24, rows.Max(r => r.Backend.Length));
        output.WriteLine($"{"backend".PadRight(width)}  {"bit-exact docs",-16} {"corpus vs cpu",-13} {"bench MB",8} {"runs",4} {"median s",9} {"MB/s",9} {"kernels MB/s*",13} {"x cpu",6}");
        foreach (var row in rows)
        {
            var b = row.Benchmark is { Error: null } measured ? measured : null;
            string corpus = row.Benchmark is null || ReferenceEquals(row, rows[0]) ? "-"
                : row.Benchmark.Error is not null ? "ERROR"
                : row.Benchmark.Mismatches == 0 ? "same" : $"{row.Benchmark.Mismatches:N0} differ";
            output.WriteLine(
                $"{row.Backend.PadRight(width)}  {Cell(row.Check),-16} {corpus,-13} " +
                $"{Number(b?.Bytes / 1e6, "N1"),8} {Number(b?.Runs, "N0"),4} {Number(b?.MedianSeconds, "F3"),9} " +
                $"{Number(b?.MegabytesPerSecond, "N1"),9} {Number(b?.KernelMegabytesPerSecond, "N1"),13} {Number(b?.MegabytesPerSecond / cpu, "F2"),6}");
        }

        output.WriteLine("* kernels alone: device time of the kernels (profiling events around each part's kernels), copies excluded");
        foreach (var row in rows)
        {
            if ((row.Check?.Error ?? row.Benchmark?.Error) is string error)
            {
                output.WriteLine($"{row.Backend}: {error}");
            }
        }
    }

    /// <summary>The equivalence check's cell: document results compared, or how many differ.</summary>
    private static string Cell(EquivalenceReport? check) => check is null ? "-"
        : check.Error is not null ? "ERROR"
        : check.Passed ? $"ok {check.Results:N0}"
        : $"FAIL {check.MismatchedResults:N0}/{check.Results:N0}";

    private static string Number(double? value, string format) =>
        value is double v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
