using Dedup.Kernels.Hashing;
using Dedup.Kernels.Signatures;

namespace Dedup.Kernels.Tests.Signatures;

/// <summary>
/// The permutation family behaves like independent random permutations: the MinHash estimate is
/// unbiased and its variance is the binomial J(1-J)/k (docs/ALGORITHM.md quotes these figures).
/// </summary>
public sealed class MinHashQualityTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.8)]
    [InlineData(0.9)]
    public void EstimateIsUnbiasedWithBinomialVariance(double jaccard)
    {
        const int Pairs = 400;
        const int SetSize = 300;
        var parameters = new SignatureParameters(5, 128, 1, 1, seed: 42);
        var random = new Random(1);
        var estimates = new double[Pairs];
        for (int i = 0; i < Pairs; i++)
        {
            var (a, b) = PairWithJaccard(random, SetSize, jaccard);
            var sa = ReferenceSignature.MinHash(a, parameters.PermutationSeeds);
            var sb = ReferenceSignature.MinHash(b, parameters.PermutationSeeds);
            estimates[i] = sa.Zip(sb).Count(t => t.First == t.Second) / 128.0;
        }

        double mean = estimates.Average();
        double variance = estimates.Sum(e => (e - mean) * (e - mean)) / (Pairs - 1);
        double binomial = jaccard * (1 - jaccard) / 128;
        Assert.InRange(mean, jaccard - 0.01, jaccard + 0.01);
        Assert.InRange(variance / binomial, 0.75, 1.3);
    }

    /// <summary>Two sets of random (well-mixed, as real shingle values are) 32-bit values with the given Jaccard.</summary>
    private static (List<uint> A, List<uint> B) PairWithJaccard(Random random, int size, double jaccard)
    {
        // |A ∩ B| = c and |A| = |B| = size give J = c / (2 size - c).
        int common = (int)Math.Round(2 * size * jaccard / (1 + jaccard));
        var a = new List<uint>();
        var b = new List<uint>();
        for (int i = 0; i < common; i++)
        {
            uint v = Mix.To32(Mix.Fmix64((ulong)random.NextInt64()));
            a.Add(v);
            b.Add(v);
        }

        for (int i = common; i < size; i++)
        {
            a.Add(Mix.To32(Mix.Fmix64((ulong)random.NextInt64())));
            b.Add(Mix.To32(Mix.Fmix64((ulong)random.NextInt64())));
        }

        return (a, b);
    }
}
