namespace Dedup.Kernels.Text;

/// <summary>
/// What the tokenizer does with a folded code point. Stored in the top two bits of a
/// <see cref="FoldTable"/> entry; the low 21 bits hold the folded code point.
/// </summary>
public static class CharClass
{
    /// <summary>Ends the current word (punctuation, symbols, spaces, controls, unassigned).</summary>
    public const uint Separator = 0;

    /// <summary>Part of a word: a run of letters and digits is one token.</summary>
    public const uint Word = 1;

    /// <summary>A token of its own (Han, Hiragana, Katakana, Bopomofo, Thai, Lao, Khmer, Myanmar letters).</summary>
    public const uint Ideograph = 2;

    /// <summary>Skipped without ending the word (combining marks left after stripping diacritics).</summary>
    public const uint Ignore = 3;

    public const int ClassShift = 30;
    public const uint CodePointMask = 0x1FFFFF;

    public static uint Of(uint entry) => entry >> ClassShift;

    public static uint CodePoint(uint entry) => entry & CodePointMask;

    public static uint Entry(uint charClass, int codePoint) => (charClass << ClassShift) | (uint)codePoint;
}
