namespace Dedup.Kernels.Text;

/// <summary>
/// Scripts written without spaces between words. Each of their letters is a token of its own,
/// so Chinese and Japanese get character n-grams without a segmenter. .NET exposes no Unicode
/// Script property, so the blocks are listed here (Unicode 15 block ranges).
/// </summary>
internal static class UnsegmentedScript
{
    private static readonly (int First, int Last)[] Ranges =
    [
        (0x0E00, 0x0E7F), // Thai
        (0x0E80, 0x0EFF), // Lao
        (0x1000, 0x109F), // Myanmar
        (0x1780, 0x17FF), // Khmer
        (0x2E80, 0x2FDF), // CJK Radicals Supplement, Kangxi Radicals
        (0x3005, 0x3007), // ideographic iteration mark, closing mark, number zero
        (0x3021, 0x3029), // Hangzhou numerals
        (0x3031, 0x303C), // kana repeat marks, masu mark
        (0x3040, 0x30FF), // Hiragana, Katakana
        (0x3100, 0x312F), // Bopomofo
        (0x31A0, 0x31BF), // Bopomofo Extended
        (0x31F0, 0x31FF), // Katakana Phonetic Extensions
        (0x3400, 0x4DBF), // CJK Unified Ideographs Extension A
        (0x4E00, 0x9FFF), // CJK Unified Ideographs
        (0xF900, 0xFAFF), // CJK Compatibility Ideographs
        (0x1B000, 0x1B16F), // Kana Supplement, Kana Extended-A, Small Kana Extension
        (0x20000, 0x323AF), // CJK Unified Ideographs Extensions B..H, Compatibility Supplement
    ];

    public static bool Contains(int cp)
    {
        foreach (var (first, last) in Ranges)
        {
            if (cp >= first && cp <= last)
            {
                return true;
            }
        }

        return false;
    }
}
