using System.Diagnostics;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Signatures;
using ILGPU;
using ILGPU.Runtime;

namespace Dedup.Bench.GpuCheck;

/// <summary>
/// Times a backend over a corpus: one warm-up pass (buffers grow, the JIT and ILGPU compile),
/// then passes until the time budget is spent, at least <see cref="MinRuns"/>; the median counts.
/// </summary>
public static class ThroughputBenchmark
{
    private const int MinRuns = 3;
    private const int MaxRuns = 25;
    private const int PrintedMismatches = 5;

    /// <summary>Runs <paramref name="backend"/> over every batch; the outputs of the last pass are returned for comparison.</summary>
    public static (int Runs, double MedianSeconds, List<SignatureBatch> Outputs) Measure(ISignatureBackend backend, BenchmarkCorpus corpus, double seconds)
    {
        var outputs = corpus.Batches.Select(_ => new SignatureBatch(backend.Parameters)).ToList();
        var times = Repeat(seconds, () =>
        {
            for (int b = 0; b < corpus.Batches.Count; b++)
            {
                backend.Compute(corpus.Batches[b], outputs[b]);
            }
        });
        return (times.Count, Median(times), outputs);
    }

    /// <summary>
    /// The copies <see cref="IlgpuBackend.Compute"/> makes (text and offsets in; token counts,
    /// content hashes, signatures and band keys out, between managed arrays and device buffers),
    /// made on a second accelerator of the same device, without the kernels.
    /// </summary>
    public static double MeasureCopies(IlgpuTarget target, BenchmarkCorpus corpus, SignatureParameters p, int runs)
    {
        var (context, accelerator) = target.OpenAccelerator();
        using (context)
        using (accelerator)
        {
            long bytes = Math.Max(1, corpus.Batches.Max(b => b.Length));
            int documents = corpus.Batches.Max(b => b.Count);
            using var textBuffer = accelerator.Allocate1D<byte>(bytes);
            using var offsetBuffer = accelerator.Allocate1D<int>(documents + 1L);
            using var tokenCountBuffer = accelerator.Allocate1D<int>(documents);
            using var contentHashBuffer = accelerator.Allocate1D<ulong>(2L * documents);
            using var signatureBuffer = accelerator.Allocate1D<uint>((long)documents * p.Permutations);
            using var bandKeyBuffer = accelerator.Allocate1D<ulong>((long)documents * p.Bands);
            ArrayView<byte> text = textBuffer.View;
            ArrayView<int> offsets = offsetBuffer.View;
            ArrayView<int> tokenCounts = tokenCountBuffer.View;
            ArrayView<ulong> contentHashes = contentHashBuffer.View;
            ArrayView<uint> signatures = signatureBuffer.View;
            ArrayView<ulong> bandKeys = bandKeyBuffer.View;
            var output = new SignatureBatch(p);
            var times = new List<double>();
            for (int run = 0; run <= runs; run++)
            {
                var clock = Stopwatch.StartNew();
                foreach (var batch in corpus.Batches)
                {
                    int n = batch.Count;
                    output.Resize(n);
                    text.SubView(0, batch.Length).CopyFromCPU(batch.Text.AsSpan(batch.Offsets[0], batch.Length));
                    offsets.SubView(0, n + 1).CopyFromCPU(batch.Offsets.AsSpan(0, n + 1));
                    accelerator.Synchronize();
                    tokenCounts.SubView(0, n).CopyToCPU(output.TokenCounts.AsSpan(0, n));
                    contentHashes.SubView(0, 2L * n).CopyToCPU(output.ContentHashes.AsSpan(0, 2 * n));
                    signatures.SubView(0, (long)n * p.Permutations).CopyToCPU(output.Signatures.AsSpan(0, n * p.Permutations));
                    bandKeys.SubView(0, (long)n * p.Bands).CopyToCPU(output.BandKeys.AsSpan(0, n * p.Bands));
                }

                // Run 0 is the warm-up (first touches of the buffers).
                if (run > 0)
                {
                    times.Add(clock.Elapsed.TotalSeconds);
                }
            }

            return Median(times);
        }
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
