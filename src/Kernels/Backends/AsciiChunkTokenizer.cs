using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Dedup.Kernels.Text;

namespace Dedup.Kernels.Backends;

/// <summary>
/// The CPU backend's tokenizer: the same function as <see cref="Tokenizer"/>, faster on ASCII.
/// The text goes in 64-byte chunks; a chunk that is all ASCII is hashed eight words at a time
/// (<see cref="AsciiWordLanes"/>), any other chunk goes through the shared scalar
/// <see cref="Tokenizer.Scan"/>, with the word in progress handed over both ways.
/// </summary>
internal static unsafe class AsciiChunkTokenizer
{
    private const int Chunk = 64;

    /// <summary>
    /// Whether the ASCII path runs here: it needs AVX-512 with VBMI and VBMI2 (byte permutes and compresses across the whole
    /// chunk) and 64-bit lane multiplies. Elsewhere every chunk takes the scalar path.
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
            if (ascii && TryAsciiChunk(text + i, end - i, ref word, ref sink))
            {
                i += Math.Min(Chunk, end - i);
                continue;
            }

            i = Tokenizer.Scan(bytes, i, Math.Min(i + Chunk, end), end, fold, ref word, ref sink);
        }

        word.End(ref sink);
    }

    /// <summary>
    /// Hashes the next chunk if it is all ASCII. The document's last, shorter piece is copied into
    /// a chunk padded with spaces: a space ends the last word, as the end of the text would.
    /// </summary>
    private static bool TryAsciiChunk(byte* at, long left, ref WordState word, ref BufferTokenSink sink)
    {
        Vector512<byte> chunk;
        if (left >= Chunk)
        {
            chunk = Vector512.Load(at);
        }
        else
        {
            byte* padded = stackalloc byte[Chunk];
            new Span<byte>(padded, Chunk).Fill((byte)' ');
            new ReadOnlySpan<byte>(at, (int)left).CopyTo(new Span<byte>(padded, Chunk));
            chunk = Vector512.Load(padded);
        }

        if (chunk.ExtractMostSignificantBits() != 0)
        {
            return false;
        }

        AsciiWordLanes.HashChunk(chunk, ref word, ref sink);
        return true;
    }
}
