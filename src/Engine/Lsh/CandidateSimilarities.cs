using Dedup.Engine.Pipeline;

namespace Dedup.Engine.Lsh;

/// <summary>The candidate pairs with their estimated (and, when asked, exact) Jaccard similarities, computed once.</summary>
public sealed class CandidateSimilarities
{
    private CandidateSimilarities(ulong[] pairs, float[] estimated, float[]? exact)
    {
        Pairs = pairs;
        Estimated = estimated;
        Exact = exact;
    }

    /// <summary>Pairs as packed by <see cref="BandIndex.Pair"/>.</summary>
    public ulong[] Pairs { get; }

    public float[] Estimated { get; }

    /// <summary>Exact similarities; null unless the run verifies exactly.</summary>
    public float[]? Exact { get; }

    public static CandidateSimilarities Compute(ulong[] pairs, SignatureStore signatures, ShingleStore? shingles, int threads)
    {
        var estimated = new float[pairs.Length];
        var exact = shingles is null ? null : new float[pairs.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        Parallel.For(0, pairs.Length, parallel, i =>
        {
            var (a, b) = BandIndex.Unpack(pairs[i]);
            estimated[i] = (float)signatures.EstimatedJaccard(a, b);
            if (exact is not null)
            {
                exact[i] = (float)shingles!.ExactJaccard(a, b);
            }
        });

        return new CandidateSimilarities(pairs, estimated, exact);
    }

    /// <summary>Whether pair i joins its documents at <paramref name="threshold"/> under <paramref name="mode"/>.</summary>
    public bool Passes(int i, VerifyMode mode, double threshold) => mode switch
    {
        VerifyMode.None => true,
        VerifyMode.Exact => Exact![i] >= (float)threshold,
        _ => Estimated[i] >= (float)threshold,
    };
}
