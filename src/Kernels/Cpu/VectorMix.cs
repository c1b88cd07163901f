using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Dedup.Kernels.Hashing;

namespace Dedup.Kernels.Cpu;

/// <summary>
/// <see cref="Mix"/>'s 64-bit steps on eight lanes at once, for chains that run side by side (the
/// words of a chunk, the shingles of a document). Needs AVX-512 with DQ for the 64-bit multiply.
/// </summary>
internal static class VectorMix
{
    public static bool IsAccelerated => Vector512.IsHardwareAccelerated && Avx512DQ.IsSupported;

    /// <summary><see cref="Mix.Absorb"/> on every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Absorb(Vector512<ulong> h, Vector512<ulong> v) =>
        Avx512F.RotateLeft((h ^ v) * Vector512.Create(Mix.AbsorbMultiplier), 31);

    /// <summary><see cref="Mix.Fmix64"/> on every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Fmix64(Vector512<ulong> k)
    {
        k ^= Vector512.ShiftRightLogical(k, 33);
        k *= Vector512.Create(Mix.Fmix64Multiplier1);
        k ^= Vector512.ShiftRightLogical(k, 33);
        k *= Vector512.Create(Mix.Fmix64Multiplier2);
        k ^= Vector512.ShiftRightLogical(k, 33);
        return k;
    }
}
