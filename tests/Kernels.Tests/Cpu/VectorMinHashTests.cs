using System.Runtime.Intrinsics;
using Dedup.Kernels.Cpu;
using Dedup.Kernels.Signatures;

namespace Dedup.Kernels.Tests.Cpu;

/// <summary>Every vector width the CPU backend may pick gives the reference MinHash, for any permutation count.</summary>
public sealed class VectorMinHashTests
{
    public static TheoryData<int> Widths()
    {
        var widths = new TheoryData<int> { 0 };
        if (Vector256.IsHardwareAccelerated)
        {
            widths.Add(256);
        }

        if (Vector512.IsHardwareAccelerated)
        {
            widths.Add(512);
        }

        return widths;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void EveryWidthGivesTheReferenceForEveryPermutationCount(int width)
    {
        var random = new Random(width);
        foreach (int permutations in new[] { 1, 7, 8, 16, 63, 64, 100, 128, 130, 256 })
        {
            var seeds = new SignatureParameters(5, permutations, 1, 1, seed: (ulong)permutations).PermutationSeeds;
            foreach (int count in new[] { 0, 1, 5, 300 })
            {
                var shingles = Enumerable.Range(0, count).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToList();
                var signature = new uint[permutations];
                VectorMinHash.Compute(shingles.ToArray(), VectorMinHash.PremixSeeds(seeds), signature, width);
                Assert.Equal(ReferenceSignature.MinHash(shingles, seeds), signature);
            }
        }
    }
}
