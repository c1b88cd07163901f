using System.Runtime.CompilerServices;

namespace Dedup.Kernels.Text;

/// <summary>
/// UTF-8 decoding with "substitution of maximal subparts" (Unicode 15, section 3.9, table 3-8):
/// an ill-formed sequence becomes one U+FFFD for each maximal prefix of a well-formed sequence,
/// exactly as .NET's <see cref="System.Text.Rune.DecodeFromUtf8"/> does. Written on bytes passed
/// by value so that a kernel can call it; a byte past the end of the text is passed as 0.
/// </summary>
public static class Utf8Decoder
{
    public const int ReplacementCharacter = 0xFFFD;

    /// <summary>Decodes the sequence starting with <paramref name="b0"/>; returns the code point and its byte length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Decode(uint b0, uint b1, uint b2, uint b3, out int length)
    {
        if (b0 < 0x80)
        {
            length = 1;
            return (int)b0;
        }

        return DecodeMultiByte(b0, b1, b2, b3, out length);
    }

    private static int DecodeMultiByte(uint b0, uint b1, uint b2, uint b3, out int length)
    {
        length = 1;
        if (b0 < 0xC2 || b0 > 0xF4)
        {
            return ReplacementCharacter;
        }

        if (b0 < 0xE0)
        {
            if (!IsContinuation(b1))
            {
                return ReplacementCharacter;
            }

            length = 2;
            return (int)(((b0 & 0x1F) << 6) | (b1 & 0x3F));
        }

        // The second byte's range is narrower after E0, ED, F0 and F4: it excludes overlong
        // forms, surrogates and code points above U+10FFFF.
        uint low = b0 == 0xE0 ? 0xA0u : b0 == 0xF0 ? 0x90u : 0x80u;
        uint high = b0 == 0xED ? 0x9Fu : b0 == 0xF4 ? 0x8Fu : 0xBFu;
        if (b1 < low || b1 > high)
        {
            return ReplacementCharacter;
        }

        length = 2;
        if (!IsContinuation(b2))
        {
            return ReplacementCharacter;
        }

        length = 3;
        if (b0 < 0xF0)
        {
            return (int)(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
        }

        if (!IsContinuation(b3))
        {
            return ReplacementCharacter;
        }

        length = 4;
        return (int)(((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsContinuation(uint b) => (b & 0xC0) == 0x80;
}
