using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dedup.Kernels.Cpu;

/// <summary>
/// The SIMD operations MinHash needs, for one vector width. The MinHash loop is generic over
/// this struct so the JIT emits one specialised loop per width (AVX-512, AVX2/NEON) from one source.
/// </summary>
internal interface IVectorLanes<TVector>
    where TVector : struct
{
    static abstract int Count { get; }

    static abstract TVector Load(ReadOnlySpan<uint> values);

    static abstract TVector Broadcast(uint value);

    static abstract TVector AllBitsSet { get; }

    /// <summary>
    /// min(running, fmix32(x ^ seed)) per lane, one step of MinHash (<see cref="Hashing.Mix.Permute"/>),
    /// on a premixed shingle and seeds (<see cref="VectorMinHash"/>), so without fmix32's first step.
    /// </summary>
    static abstract TVector PermuteMin(TVector running, TVector x, TVector seed);

    static abstract void Store(TVector value, Span<uint> destination);
}

internal readonly struct Lanes256 : IVectorLanes<Vector256<uint>>
{
    public static int Count => Vector256<uint>.Count;

    public static Vector256<uint> AllBitsSet => Vector256<uint>.AllBitsSet;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Load(ReadOnlySpan<uint> values) => Vector256.Create(values);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Broadcast(uint value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> PermuteMin(Vector256<uint> running, Vector256<uint> x, Vector256<uint> seed)
    {
        var h = (x ^ seed) * Hashing.Mix.Fmix32Multiplier1;
        h ^= Vector256.ShiftRightLogical(h, 13);
        h *= Hashing.Mix.Fmix32Multiplier2;
        h ^= Vector256.ShiftRightLogical(h, 16);
        return Vector256.Min(running, h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<uint> value, Span<uint> destination) => value.CopyTo(destination);
}

internal readonly struct Lanes512 : IVectorLanes<Vector512<uint>>
{
    public static int Count => Vector512<uint>.Count;

    public static Vector512<uint> AllBitsSet => Vector512<uint>.AllBitsSet;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Load(ReadOnlySpan<uint> values) => Vector512.Create(values);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Broadcast(uint value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> PermuteMin(Vector512<uint> running, Vector512<uint> x, Vector512<uint> seed)
    {
        var h = (x ^ seed) * Hashing.Mix.Fmix32Multiplier1;
        h ^= Vector512.ShiftRightLogical(h, 13);
        h *= Hashing.Mix.Fmix32Multiplier2;
        h ^= Vector512.ShiftRightLogical(h, 16);
        return Vector512.Min(running, h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<uint> value, Span<uint> destination) => value.CopyTo(destination);
}
