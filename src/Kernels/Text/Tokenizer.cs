using System.Runtime.CompilerServices;
using Dedup.Kernels.Hashing;

namespace Dedup.Kernels.Text;

/// <summary>
/// Decode -> fold -> tokens, for one document (docs/ALGORITHM.md, "Tokens"). Generic over where
/// the bytes and the table live so that the ILGPU kernel and the CPU backend run this one loop.
/// </summary>
public static class Tokenizer
{
    /// <summary>Emits the hash of every token of the UTF-8 text in [start, end) to the sink.</summary>
    public static void Run<TBytes, TFold, TSink>(TBytes bytes, long start, long end, TFold fold, ref TSink sink)
        where TBytes : struct, IByteSource
        where TFold : struct, IFoldSource
        where TSink : struct, ITokenSink
    {
        var word = WordState.Start;
        Scan(bytes, start, end, end, fold, ref word, ref sink);
        word.End(ref sink);
    }

    /// <summary>
    /// Reads the code points that start before <paramref name="stop"/> (the last may run past it,
    /// never past <paramref name="end"/>), continuing <paramref name="word"/>; returns where the
    /// next code point starts. Lets a faster scanner hand over mid-document.
    /// </summary>
    public static long Scan<TBytes, TFold, TSink>(TBytes bytes, long i, long stop, long end, TFold fold, ref WordState word, ref TSink sink)
        where TBytes : struct, IByteSource
        where TFold : struct, IFoldSource
        where TSink : struct, ITokenSink
    {
        while (i < stop)
        {
            // ASCII needs no look-ahead: most text is mostly ASCII.
            uint b0 = bytes.ByteAt(i, end);
            int cp = (int)b0;
            int length = 1;
            if (b0 >= 0x80)
            {
                cp = Utf8Decoder.Decode(b0, bytes.ByteAt(i + 1, end), bytes.ByteAt(i + 2, end), bytes.ByteAt(i + 3, end), out length);
            }

            i += length;
            uint entry = fold.Entry(cp);
            uint charClass = CharClass.Of(entry);
            if (charClass == CharClass.Word)
            {
                word.Append(CharClass.Folded(entry, cp));
            }
            else if (charClass != CharClass.Ignore)
            {
                word.End(ref sink);
                if (charClass == CharClass.Ideograph)
                {
                    sink.Add(SingleCharacterToken(CharClass.Folded(entry, cp)));
                }
            }
        }

        return i;
    }

    /// <summary>The hash of a one-character token: the same function as a one-letter word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SingleCharacterToken(uint codePoint) => Mix.Finish(Mix.Absorb(Mix.TokenSeed, codePoint), 1);
}
