using System.Diagnostics;
using Dedup.Kernels.Cpu;
using Dedup.Kernels.Signatures;
using Dedup.Kernels.Text;

namespace Dedup.Bench;

/// <summary>
/// Where the CPU backend's time goes, one core: its tokenizer, shingle hashing and MinHash run
/// alone over the batch, one after the other, each the median of several runs after a warm-up.
/// The rest of the backend's single-thread time is the content hash, band keys and bookkeeping.
/// </summary>
internal static unsafe class SignaturePhases
{
    public static List<(string Phase, double Seconds)> Measure(DocumentBatch batch, SignatureParameters parameters, int runs)
    {
        var fold = new PointerFoldTable(FoldTable.Default);
        var starts = new int[batch.Count + 1];
        var tokens = GC.AllocateArray<ulong>(batch.Length + CpuScratch.LaneSlack, pinned: true);
        var shingles = new uint[batch.Length];
        var signature = new uint[parameters.Permutations];
        var seeds = VectorMinHash.PremixSeeds(parameters.PermutationSeeds);
        int n = parameters.ShingleSize;
        fixed (byte* text = batch.Text)
        fixed (ulong* tokenBase = tokens)
        {
            byte* textPointer = text;
            ulong* tokenPointer = tokenBase;
            var phases = new List<(string, double)>
            {
                ("tokenize", Median(runs, () =>
                {
                    for (int d = 0; d < batch.Count; d++)
                    {
                        var sink = new BufferTokenSink(tokenPointer + starts[d]);
                        CpuChunkTokenizer.Run(textPointer, batch.Offsets[d], batch.Offsets[d + 1], fold, ref sink);
                        starts[d + 1] = starts[d] + sink.Count;
                    }
                })),
                ("shingles", Median(runs, () =>
                {
                    for (int d = 0; d < batch.Count; d++)
                    {
                        int count = starts[d + 1] - starts[d];
                        VectorShingles.Hash(tokens.AsSpan(starts[d], count), Shingling.Width(count, n), shingles.AsSpan(0, Shingling.Count(count, n)));
                    }
                })),
                ("minhash", Median(runs, () =>
                {
                    for (int d = 0; d < batch.Count; d++)
                    {
                        VectorMinHash.Compute(shingles.AsSpan(0, Shingling.Count(starts[d + 1] - starts[d], n)), seeds, signature);
                    }
                })),
            };
            return phases;
        }
    }

    private static double Median(int runs, Action action)
    {
        action();
        var seconds = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        return Statistics.Median(seconds);
    }
}
