using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Dedup.Kernels.Text;

namespace Dedup.Kernels.Cpu;

/// <summary>
/// The CPU backend's tokenizer: one document from its start to its end on one core, faster on
/// ASCII. The text goes in windows of 64 bytes; the ASCII bytes a window starts with are hashed
/// sixteen words at a time (<see cref="AsciiWordLanes"/>), the rest goes through the shared scalar
/// <see cref="Tokenizer.Scan"/>, with the word in progress handed over both ways.
/// <para>
/// Its GPU counterpart is <see cref="Ilgpu.GpuChunkTokenizer"/>. Both have one contract, the tokens
/// of docs/ALGORITHM.md that <see cref="Tokenizer"/> and <see cref="Signatures.ReferenceSignature"/>
/// give, bit for bit (the backend equivalence check holds both to it), and share the decoder, the
/// fold table, <see cref="WordState"/> and the hash primitives. They differ in how the work is cut:
/// here a document is read in order and the open word is carried from window to window; there each
/// thread takes a fixed-size piece of the batch's text with no state from the piece before, so it
/// looks back for where code points start and whether a word is open. Carrying state would
/// serialise the GPU's threads; looking back would only cost the CPU time.
/// </para>
/// </summary>
internal static unsafe class CpuChunkTokenizer
{
    private const int Chunk = 64;

    /// <summary>
    /// Whether the ASCII path runs here: it needs AVX-512 with VBMI and VBMI2 (byte permutes and
    /// compresses across the whole chunk) and DQ (64-bit lane multiplies). Elsewhere all text
    /// takes the scalar path.
    /// </summary>
    public static bool IsAccelerated => VectorMix.IsAccelerated && Avx512Vbmi.IsSupported && Avx512Vbmi2.IsSupported;

    public static void Run(byte* text, long start, long end, PointerFoldTable fold, ref BufferTokenSink sink) =>
        Run(text, start, end, fold, ref sink, IsAccelerated);

    /// <summary>The same with the ASCII path on or off, so that tests compare both on one machine.</summary>
    internal static void Run(byte* text, long start, long end, PointerFoldTable fold, ref BufferTokenSink sink, bool ascii)
    {
        var word = WordState.Start;
        var bytes = new PointerBytes(text);
        long i = start;
        while (i < end)
        {
            int window = (int)Math.Min(Chunk, end - i);
            int prefix = ascii ? HashAsciiPrefix(text + i, window, ref word, ref sink) : 0;
            i += prefix;
            if (prefix == window)
            {
                continue;
            }

            // A non-ASCII code point after ASCII text (a curly quote, an accented letter) is read
            // alone, and the vector path tries again after it; a window that starts non-ASCII is
            // likely non-ASCII text, read a chunk at a time.
            i = Tokenizer.Scan(bytes, i, prefix > 0 ? i + 1 : i + window, end, fold, ref word, ref sink);
        }

        word.End(ref sink);
    }

    /// <summary>
    /// Hashes the ASCII bytes at the start of the next <paramref name="window"/> bytes (up to the
    /// first non-ASCII one) and returns how many. The document's last, shorter piece is copied into
    /// a chunk first, so the load never reads past the text.
    /// </summary>
    private static int HashAsciiPrefix(byte* at, int window, ref WordState word, ref BufferTokenSink sink)
    {
        Vector512<byte> chunk;
        if (window == Chunk)
        {
            chunk = Vector512.Load(at);
        }
        else
        {
            byte* copy = stackalloc byte[Chunk];
            new ReadOnlySpan<byte>(at, window).CopyTo(new Span<byte>(copy, Chunk));
            chunk = Vector512.Load(copy);
        }

        ulong nonAscii = chunk.ExtractMostSignificantBits() | (window == Chunk ? 0 : ~0UL << window);
        int ascii = nonAscii == 0 ? Chunk : BitOperations.TrailingZeroCount(nonAscii);
        if (ascii > 0)
        {
            AsciiWordLanes.HashChunk(chunk, ascii, ref word, ref sink);
        }

        return ascii;
    }
}
