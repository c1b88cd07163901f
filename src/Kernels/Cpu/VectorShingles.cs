using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Dedup.Kernels.Hashing;

namespace Dedup.Kernels.Cpu;

/// <summary>
/// A document's shingle values from its token hashes (docs/ALGORITHM.md, "Shingles"): eight
/// shingles per vector, one lane each, so their chains run side by side; a scalar tail (and the
/// whole document where <see cref="VectorMix.IsAccelerated"/> is false) does the rest.
/// </summary>
internal static class VectorShingles
{
    public static void Hash(ReadOnlySpan<ulong> tokens, int width, Span<uint> shingles) =>
        Hash(tokens, width, shingles, VectorMix.IsAccelerated);

    /// <summary>The same with the vector path on or off, so that tests compare both on one machine.</summary>
    internal static void Hash(ReadOnlySpan<ulong> tokens, int width, Span<uint> shingles, bool vectorised)
    {
        int j = 0;
        if (vectorised)
        {
            int lanes = Vector512<ulong>.Count;
            for (; j + lanes <= shingles.Length; j += lanes)
            {
                // Lane i holds shingle j + i, so step k absorbs tokens j + k .. j + k + 7: one load.
                var h = Vector512.Create(Mix.ShingleSeed);
                for (int k = 0; k < width; k++)
                {
                    h = VectorMix.Absorb(h, Vector512.Create(tokens.Slice(j + k, lanes)));
                }

                h = VectorMix.Fmix64(h ^ Vector512.Create((ulong)width));
                Avx512F.ConvertToVector256UInt32(h ^ Vector512.ShiftRightLogical(h, 32)).CopyTo(shingles[j..]);
            }
        }

        for (; j < shingles.Length; j++)
        {
            ulong h = Mix.ShingleSeed;
            foreach (ulong token in tokens.Slice(j, width))
            {
                h = Mix.Absorb(h, token);
            }

            shingles[j] = Mix.To32(Mix.Finish(h, width));
        }
    }
}
