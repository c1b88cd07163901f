using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Dedup.Kernels.Text;

namespace Dedup.Kernels.Backends;

/// <summary>
/// The CPU backend's tokenizer: the same function as <see cref="Tokenizer"/>, faster on ASCII.
/// A 64-byte chunk that is all ASCII is classified at once with SIMD (a bit per letter or digit);
/// words are then whole runs of set bits, hashed in a loop without per-byte class branches, and
/// separators are skipped a run at a time. Any chunk holding a non-ASCII byte goes through the
/// shared scalar <see cref="Tokenizer.Scan"/>, with the word in progress handed over both ways.
/// </summary>
internal static unsafe class AsciiChunkTokenizer
{
    private const int Chunk = 64;

    public static void Run(byte* text, long start, long end, PointerFoldTable fold, ref BufferTokenSink sink)
    {
        var word = WordState.Start;
        var bytes = new PointerBytes(text);
        long i = start;
        while (i < end)
        {
            if (end - i >= Chunk && Vector512.IsHardwareAccelerated)
            {
                var chunk = Vector512.Load(text + i);
                if ((chunk & Vector512.Create((byte)0x80)) == Vector512<byte>.Zero)
                {
                    ScanAsciiChunk(text + i, WordMask(chunk), ref word, ref sink);
                    i += Chunk;
                    continue;
                }
            }

            i = Tokenizer.Scan(bytes, i, Math.Min(i + Chunk, end), end, fold, ref word, ref sink);
        }

        word.End(ref sink);
    }

    /// <summary>Bit k set when byte k is an ASCII letter or digit: the only ASCII word characters (ALGORITHM.md, rule 2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong WordMask(Vector512<byte> chunk)
    {
        var letter = Vector512.LessThan((chunk | Vector512.Create((byte)0x20)) - Vector512.Create((byte)'a'), Vector512.Create((byte)26));
        var digit = Vector512.LessThan(chunk - Vector512.Create((byte)'0'), Vector512.Create((byte)10));
        return (letter | digit).ExtractMostSignificantBits();
    }

    private static void ScanAsciiChunk(byte* chunk, ulong words, ref WordState word, ref BufferTokenSink sink)
    {
        int position = 0;
        while (position < Chunk)
        {
            ulong rest = words >> position;
            if ((rest & 1) == 0)
            {
                // A separator run: it ends the word in progress.
                word.End(ref sink);
                if (rest == 0)
                {
                    return;
                }

                position += BitOperations.TrailingZeroCount(rest);
                continue;
            }

            int run = Math.Min(BitOperations.TrailingZeroCount(~rest), Chunk - position);
            for (int k = position; k < position + run; k++)
            {
                // Only ASCII letters and digits are in the run: folding is lowercasing, i.e. setting
                // bit 0x20 on letters (bit 0x40 set) and leaving digits alone (ALGORITHM.md, rule 2).
                uint b = chunk[k];
                word.Append(b | ((b & 0x40) >> 1));
            }

            position += run;
        }
    }
}
