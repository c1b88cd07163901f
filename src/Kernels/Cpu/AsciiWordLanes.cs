using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Dedup.Kernels.Hashing;
using Dedup.Kernels.Text;

namespace Dedup.Kernels.Cpu;

/// <summary>
/// Token hashes of a 64-byte all-ASCII chunk, sixteen words at once. A word's hash is a serial chain
/// over its characters (docs/ALGORITHM.md, "Tokens"), so one word at a time is bound by the
/// multiply's latency and by a mispredicted branch at every word's end. Here each 64-bit lane
/// carries one word's chain: the words' first bytes and lengths are packed into lanes with a
/// compress, step k absorbs character k of every word still that long (one byte permute fetches
/// them), and the finaliser runs on all lanes together. Needs AVX-512 with VBMI, VBMI2 and DQ
/// (<see cref="CpuChunkTokenizer.IsAccelerated"/>).
/// </summary>
internal static class AsciiWordLanes
{
    /// <summary>Words hashed together: two vectors of eight 64-bit lanes, two independent chains.</summary>
    private const int Lanes = 16;

    /// <summary>
    /// Hashes the words of the chunk's first <paramref name="length"/> bytes, all ASCII, continuing
    /// <paramref name="word"/>. A word that reaches the last of them stays open in
    /// <paramref name="word"/>: the text after may go on with it.
    /// </summary>
    public static void HashChunk(Vector512<byte> chunk, int length, ref WordState word, ref BufferTokenSink sink)
    {
        // ASCII letters and digits are the only ASCII word characters, and folding lowercases
        // letters by setting bit 0x20 (ALGORITHM.md, rule 2). Bytes past length count as separators.
        var indices = Vector512<byte>.Indices;
        var inside = Vector512.LessThan(indices, Vector512.Create((byte)length));
        var letters = Vector512.LessThan((chunk | Vector512.Create((byte)0x20)) - Vector512.Create((byte)'a'), Vector512.Create((byte)26)) & inside;
        var digits = Vector512.LessThan(chunk - Vector512.Create((byte)'0'), Vector512.Create((byte)10)) & inside;
        var wordBytes = letters | digits;
        ulong wordBits = wordBytes.ExtractMostSignificantBits();
        if ((wordBits & 1) == 0)
        {
            word.End(ref sink);
        }

        if (wordBits == 0)
        {
            return;
        }

        var folded = chunk | (letters & Vector512.Create((byte)0x20));

        // A word starts where the byte before is not a word byte (the chunk's first word may
        // continue the open one: its lane starts from that word's state) and ends where the byte
        // after is not (the last may go on after length).
        var before = Avx512Vbmi.PermuteVar64x8(wordBytes, indices - Vector512<byte>.One) & NotFirst;
        var after = Avx512Vbmi.PermuteVar64x8(wordBytes, indices + Vector512<byte>.One) & NotLast;
        var firstBytes = Vector512.AndNot(wordBytes, before);
        var starts = Avx512Vbmi2.Compress(Vector512<byte>.Zero, firstBytes, indices);
        var pastEnds = Avx512Vbmi2.Compress(Vector512<byte>.Zero, Vector512.AndNot(wordBytes, after), indices + Vector512<byte>.One);
        var lengths = pastEnds - starts;
        int words = BitOperations.PopCount(firstBytes.ExtractMostSignificantBits());
        bool lastWordOpen = ((wordBits >> (length - 1)) & 1) != 0;

        // At most 32 words fit in 64 bytes: two groups of sixteen.
        var firstHash = Vector512.Create(Mix.TokenSeed).WithElement(0, word.Hash);
        var firstLength = Vector512<ulong>.Zero.WithElement(0, (ulong)word.Length);
        for (int group = 0; group < words; group += Lanes)
        {
            var groupStarts = group == 0 ? starts.GetLower().GetLower() : starts.GetLower().GetUpper();
            var groupLengths = group == 0 ? lengths.GetLower().GetLower() : lengths.GetLower().GetUpper();
            var start0 = Avx512F.ConvertToVector512UInt64(groupStarts);
            var start1 = Avx512F.ConvertToVector512UInt64(Sse2.ShiftRightLogical128BitLane(groupStarts, 8));
            var length0 = Avx512F.ConvertToVector512UInt64(groupLengths);
            var length1 = Avx512F.ConvertToVector512UInt64(Sse2.ShiftRightLogical128BitLane(groupLengths, 8));

            var hash0 = firstHash;
            var hash1 = Vector512.Create(Mix.TokenSeed);
            AbsorbWords(folded, start0, start1, length0, length1, ref hash0, ref hash1);
            var total0 = length0 + firstLength;
            firstHash = Vector512.Create(Mix.TokenSeed);
            firstLength = Vector512<ulong>.Zero;

            int inGroup = Math.Min(Lanes, words - group);
            bool lastGroup = group + Lanes >= words;
            int complete = lastGroup && lastWordOpen ? inGroup - 1 : inGroup;
            sink.AddLanes(VectorMix.Fmix64(hash0 ^ total0), VectorMix.Fmix64(hash1 ^ length1), complete);
            if (complete < inGroup)
            {
                word = complete < 8
                    ? WordState.Open(Lane(hash0, complete), (int)Lane(total0, complete))
                    : WordState.Open(Lane(hash1, complete - 8), (int)Lane(length1, complete - 8));
                return;
            }
        }

        word = WordState.Start;
    }

    private static Vector512<byte> NotFirst => Vector512<byte>.AllBitsSet.WithElement(0, (byte)0);

    private static Vector512<byte> NotLast => Vector512<byte>.AllBitsSet.WithElement(63, (byte)0);

    /// <summary>Runs each lane's chain over its word's characters; a lane stops after its own length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AbsorbWords(Vector512<byte> folded, Vector512<ulong> start0, Vector512<ulong> start1, Vector512<ulong> length0, Vector512<ulong> length1, ref Vector512<ulong> hash0, ref Vector512<ulong> hash1)
    {
        var low = Vector512.Create(0xFFUL);
        var longest = Vector512.Max(length0, length1);
        var h0 = hash0;
        var h1 = hash1;
        for (var step = Vector512<ulong>.Zero; Vector512.GreaterThanAny(longest, step); step += Vector512<ulong>.One)
        {
            // Each lane's low byte indexes the chunk; its other bytes fetch byte 0, which the mask drops.
            var c0 = Avx512Vbmi.PermuteVar64x8(folded, (start0 + step).AsByte()).AsUInt64() & low;
            var c1 = Avx512Vbmi.PermuteVar64x8(folded, (start1 + step).AsByte()).AsUInt64() & low;
            h0 = Vector512.ConditionalSelect(Vector512.GreaterThan(length0, step), VectorMix.Absorb(h0, c0), h0);
            h1 = Vector512.ConditionalSelect(Vector512.GreaterThan(length1, step), VectorMix.Absorb(h1, c1), h1);
        }

        hash0 = h0;
        hash1 = h1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Lane(Vector512<ulong> values, int lane) =>
        Avx512F.PermuteVar8x64(values, Vector512.Create((ulong)lane)).ToScalar();
}
