using System.Text;
using CsCheck;

namespace Dedup.Reliability;

/// <summary>Generators of record texts, for JSONL lines and Parquet rows alike.</summary>
public static class Texts
{
    /// <summary>A small vocabulary, so that generated shards hold duplicates and dedup has something to remove.</summary>
    private static readonly string[] Vocabulary =
    [
        "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "while", "cat", "sleeps", "in", "warm", "sun",
        "data", "shard", "record", "duplicate", "near", "text", "naïve", "café", "文本", "数据", "Ελληνικά", "русский",
        "🙂", "a\tb", "line\nbreak", "quote\"d", "back\\slash", "ok",
    ];

    public static readonly Gen<string> Words = Gen.OneOf(Vocabulary).Array[1, 30].Select(w => string.Join(' ', w));

    /// <summary>Any characters, control characters and surrogates included; lone surrogates cannot be written as UTF-8, so they become U+FFFD.</summary>
    public static readonly Gen<string> Odd = Gen.Char.Array[1, 40].Select(c => WellFormed(new string(c)));

    /// <summary>Longer than the line reader's first buffer (256 KiB) about half the time.</summary>
    public static readonly Gen<string> Huge = Gen.Select(Gen.OneOf(Vocabulary), Gen.Int[150_000, 400_000], (word, length) =>
        new StringBuilder(length + word.Length).Insert(0, word + " ", length / (word.Length + 1)).ToString());

    /// <summary>Mostly words, some odd characters, now and then the empty text.</summary>
    public static readonly Gen<string> Any = Gen.Frequency((10, Words), (4, Odd), (1, Gen.Const(string.Empty)));

    private static string WellFormed(string text)
    {
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            bool pairStart = char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]);
            if (pairStart)
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
