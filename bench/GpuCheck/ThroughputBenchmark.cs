using System.Diagnostics;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Ilgpu;
using Dedup.Kernels.Signatures;

namespace Dedup.Bench.GpuCheck;

/// <summary>
/// Times a backend over a corpus: one warm-up pass (buffers grow, the JIT and ILGPU compile),
/// then passes until the time budget is spent, at least <see cref="MinRuns"/>; the median counts.
/// The end-to-end time includes the copies to and from the device, which the ILGPU backend
/// overlaps with its kernels; the kernels' own time comes from device events.
/// </summary>
public static class ThroughputBenchmark
{
    private const int MinRuns = 3;
    private const int MaxRuns = 25;
    private const int PrintedMismatches = 5;

    /// <summary>
    /// Runs <paramref name="backend"/> over every batch; the outputs of the last pass are returned
    /// for comparison, and for an <see cref="IlgpuBackend"/> whose context profiles, the median
    /// device time of the kernels in a pass.
    /// </summary>
    public static (int Runs, double MedianSeconds, double? KernelSeconds, List<SignatureBatch> Outputs) Measure(ISignatureBackend backend, BenchmarkCorpus corpus, double seconds)
    {
        var outputs = corpus.Batches.Select(_ => new SignatureBatch(backend.Parameters)).ToList();
        var kernels = new List<double>();
        var times = Repeat(seconds, () =>
        {
            var before = (backend as IlgpuBackend)?.KernelTime ?? TimeSpan.Zero;
            for (int b = 0; b < corpus.Batches.Count; b++)
            {
                backend.Compute(corpus.Batches[b], outputs[b]);
            }

            kernels.Add((((backend as IlgpuBackend)?.KernelTime ?? TimeSpan.Zero) - before).TotalSeconds);
        });

        // The first pass is Repeat's warm-up.
        kernels.RemoveAt(0);
        double? kernelSeconds = kernels.Any(k => k > 0) ? Median(kernels) : null;
        return (times.Count, Median(times), kernelSeconds, outputs);
    }

    /// <summary>Documents whose results differ between two passes over the same batches; the first few are printed.</summary>
    public static int CountMismatches(string backend, List<SignatureBatch> expected, List<SignatureBatch> actual, TextWriter log)
    {
        int mismatches = 0;
        for (int b = 0; b < actual.Count; b++)
        {
            for (int d = 0; d < actual[b].Count; d++)
            {
                if (expected[b].Signature(d).SequenceEqual(actual[b].Signature(d))
                    && expected[b].DocumentBandKeys(d).SequenceEqual(actual[b].DocumentBandKeys(d))
                    && expected[b].ContentHash(d) == actual[b].ContentHash(d)
                    && expected[b].TokenCounts[d] == actual[b].TokenCounts[d])
                {
                    continue;
                }

                if (++mismatches <= PrintedMismatches)
                {
                    log.WriteLine($"  MISMATCH {backend} vs cpu on the benchmark corpus: batch {b}, document {d}");
                }
            }
        }

        return mismatches;
    }

    private static List<double> Repeat(double seconds, Action pass)
    {
        pass();
        var times = new List<double>();
        var budget = Stopwatch.StartNew();
        while (times.Count < MinRuns || (times.Count < MaxRuns && budget.Elapsed.TotalSeconds + times[^1] <= seconds))
        {
            var clock = Stopwatch.StartNew();
            pass();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        return times;
    }

    private static double Median(List<double> times)
    {
        times.Sort();
        return times[times.Count / 2];
    }
}
