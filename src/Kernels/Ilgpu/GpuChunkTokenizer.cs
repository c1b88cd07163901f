using System.Runtime.CompilerServices;
using Dedup.Kernels.Text;
using ILGPU;

namespace Dedup.Kernels.Ilgpu;

/// <summary>
/// The GPU kernels' tokenizer: the tokens of one fixed-size chunk of a batch's text, so that a GPU
/// thread's work is bounded by the chunk and not by its document (docs/ALGORITHM.md, "Decoding" and
/// "Tokens"; the same tokens as <see cref="Tokenizer"/>, which reads a document from its start).
///
/// A chunk owns the tokens that <em>start</em> in it: for each document overlapping the chunk it
/// decodes from the first code point that starts at or after the chunk's start and stops at the
/// first token that starts at or after the chunk's end, reading on past the end only to finish
/// the word it is in. Two facts make a chunk independent of what came before it:
/// <list type="bullet">
/// <item>Where code points start. In maximal-subpart decoding every byte after the first of a
/// decoded sequence is a continuation byte (80..BF), so a byte that is not one always starts a code
/// point, as does the document's first byte; a code point is at most 4 bytes, so the one covering
/// any position started at most 3 bytes before it (<see cref="FirstCodePointAtOrAfter"/>).</item>
/// <item>Whether a word is open. A word character starts a token unless the last code point before
/// it that is not ignored (combining marks) is a word character too; that is looked up backwards
/// only when the chunk's first non-ignored code point is a word character
/// (<see cref="ClassBefore"/>), so every run of ignored code points is walked back at most once.</item>
/// </list>
/// Its CPU counterpart is <see cref="Cpu.CpuChunkTokenizer"/>: the same contract (the tokens of
/// <see cref="Tokenizer"/> and <see cref="Signatures.ReferenceSignature"/>, bit for bit, which the
/// backend equivalence check holds both to), another execution model. The CPU one reads a
/// document in order and carries the open word along; this one starts anywhere, without state, so
/// that thousands of threads tokenize one batch at once.
/// </summary>
public static class GpuChunkTokenizer
{
    /// <summary>
    /// Emits the tokens that start in [<paramref name="chunkStart"/>, <paramref name="chunkEnd"/>)
    /// of the text (positions relative to document 0's start) to <paramref name="sink"/>, in text
    /// order, each document's after <see cref="IChunkTokenSink.EnterDocument"/>. Document
    /// <c>offsets.Length - 1</c> (the end of the text) is entered too when it lies in the chunk.
    /// </summary>
    public static void Run<TSink>(long chunkStart, long chunkEnd, ArrayView<int> offsets, ref DeviceText text, DeviceFoldTable fold, ref TSink sink)
        where TSink : struct, IChunkTokenSink
    {
        int documents = (int)offsets.Length - 1;
        int origin = offsets[0];
        for (int d = FirstDocument(offsets, chunkStart); d <= documents; d++)
        {
            long start = offsets[d] - origin;
            if (start >= chunkEnd)
            {
                break;
            }

            sink.EnterDocument(d, startsHere: start >= chunkStart);
            if (d < documents)
            {
                long end = offsets[d + 1] - origin;
                long from = start > chunkStart ? start : chunkStart;
                if (from < end)
                {
                    Scan(from, chunkEnd, start, end, ref text, fold, ref sink);
                }
            }
        }
    }

    /// <summary>
    /// The first document that starts at or after <paramref name="position"/> or contains it:
    /// the document that contains it, or, when it is a document's start, the first document
    /// (empty ones included) that starts there.
    /// </summary>
    public static int FirstDocument(ArrayView<int> offsets, long position)
    {
        int origin = offsets[0];
        int low = 0;
        int high = (int)offsets.Length - 1;
        while (low < high)
        {
            int middle = (low + high) >> 1;
            if (offsets[middle] - origin < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        // low is the first document starting at or after the position; if it starts after it,
        // the position lies inside the one before.
        return offsets[low] - origin > position ? low - 1 : low;
    }

    /// <summary>The tokens of one document, [<paramref name="start"/>, <paramref name="end"/>), that start in [<paramref name="from"/>, <paramref name="stop"/>).</summary>
    private static void Scan<TSink>(long from, long stop, long start, long end, ref DeviceText text, DeviceFoldTable fold, ref TSink sink)
        where TSink : struct, IChunkTokenSink
    {
        long i = from > start ? FirstCodePointAtOrAfter(from, start, end, ref text) : start;

        // Whether the first word character might continue a word from before the chunk: known
        // only once one is met, and only then looked up.
        bool mayContinue = i > start;
        bool skipping = false;
        bool inWord = false;
        var word = WordState.Start;
        while (i < end && (i < stop || inWord))
        {
            int cp = Decode(i, end, ref text, out int length);
            uint entry = fold.Entry(cp);
            uint charClass = CharClass.Of(entry);
            if (charClass == CharClass.Word)
            {
                if (mayContinue)
                {
                    // The word belongs to the chunk where it started; skip the rest of it.
                    skipping = ClassBefore(i, start, end, ref text, fold) == CharClass.Word;
                    mayContinue = false;
                }

                if (!skipping)
                {
                    word.Append(CharClass.Folded(entry, cp));
                    inWord = true;
                }
            }
            else if (charClass != CharClass.Ignore)
            {
                mayContinue = false;
                skipping = false;
                if (inWord)
                {
                    word.End(ref sink);
                    inWord = false;
                }

                if (i >= stop)
                {
                    // Only the word that was open at the chunk's end belonged to the chunk.
                    break;
                }

                if (charClass == CharClass.Ideograph)
                {
                    sink.Add(Tokenizer.SingleCharacterToken(CharClass.Folded(entry, cp)));
                }
            }

            i += length;
        }

        if (inWord)
        {
            word.End(ref sink);
        }
    }

    /// <summary>
    /// Where the first code point that starts at or after <paramref name="position"/> starts,
    /// in the document [<paramref name="start"/>, <paramref name="end"/>) (start &lt; position &lt; end).
    /// </summary>
    public static long FirstCodePointAtOrAfter(long position, long start, long end, ref DeviceText text)
    {
        // A sure code point start at or before the position, at most 3 bytes back: the code
        // point covering the position started there or later.
        long floor = position - 3 > start ? position - 3 : start;
        long p = position;
        while (p > floor && IsContinuation(text.ByteAt(p, end)))
        {
            p--;
        }

        if (p != start && IsContinuation(text.ByteAt(p, end)))
        {
            // Four continuation bytes in a row: none of the three before the position is a lead
            // byte whose sequence could reach it, so a code point (U+FFFD) starts at the position.
            return position;
        }

        while (p < position)
        {
            Decode(p, end, ref text, out int length);
            p += length;
        }

        return p;
    }

    /// <summary>
    /// The class of the last code point before <paramref name="position"/> (a code point start)
    /// that is not <see cref="CharClass.Ignore"/>; <see cref="CharClass.Separator"/> at the document's start.
    /// </summary>
    public static uint ClassBefore(long position, long start, long end, ref DeviceText text, DeviceFoldTable fold)
    {
        while (position > start)
        {
            long p = CodePointBefore(position, start, end, ref text);
            uint charClass = CharClass.Of(fold.Entry(Decode(p, end, ref text, out _)));
            if (charClass != CharClass.Ignore)
            {
                return charClass;
            }

            position = p;
        }

        return CharClass.Separator;
    }

    /// <summary>Where the code point that ends at <paramref name="position"/> (a code point start after the document's start) starts.</summary>
    private static long CodePointBefore(long position, long start, long end, ref DeviceText text)
    {
        long floor = position - 4 > start ? position - 4 : start;
        long p = position - 1;
        while (p > floor && IsContinuation(text.ByteAt(p, end)))
        {
            p--;
        }

        if (p != start && IsContinuation(text.ByteAt(p, end)))
        {
            // No lead byte among the four before: the last byte is a code point (U+FFFD) of its own.
            return position - 1;
        }

        // p starts a code point; step forward to the last one before the position.
        while (true)
        {
            Decode(p, end, ref text, out int length);
            if (p + length >= position)
            {
                return p;
            }

            p += length;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Decode(long i, long end, ref DeviceText text, out int length)
    {
        // ASCII needs no look-ahead: most text is mostly ASCII.
        uint b0 = text.ByteAt(i, end);
        if (b0 < 0x80)
        {
            length = 1;
            return (int)b0;
        }

        return Utf8Decoder.Decode(b0, text.ByteAt(i + 1, end), text.ByteAt(i + 2, end), text.ByteAt(i + 3, end), out length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsContinuation(uint b) => (b & 0xC0) == 0x80;
}
