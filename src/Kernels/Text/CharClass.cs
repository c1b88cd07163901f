namespace Dedup.Kernels.Text;

/// <summary>
/// What the tokenizer does with a folded code point. Stored in the top two bits of a
/// <see cref="FoldTable"/> entry; the low 30 bits hold the signed difference between the folded
/// and the original code point. A difference rather than the code point itself makes most
/// 256-entry blocks identical (all CJK blocks, for one), so the table stores them once.
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
    public const uint DeltaMask = (1u << ClassShift) - 1;

    public static uint Of(uint entry) => entry >> ClassShift;

    /// <summary>The folded code point of <paramref name="codePoint"/> given its entry.</summary>
    public static uint Folded(uint entry, int codePoint) => (uint)(codePoint + ((int)(entry << 2) >> 2));

    public static uint Entry(uint charClass, int codePoint, int folded) => (charClass << ClassShift) | ((uint)(folded - codePoint) & DeltaMask);
}
