using System.Text;

namespace Dedup.Kernels.Backends;

/// <summary>
/// Random documents of every kind the text model must handle, as UTF-8 bytes: the inputs of
/// <see cref="EquivalenceCheck"/>, and of the tests and bench corpora that want text like them.
/// The same seed gives the same documents on every machine.
/// </summary>
public static class RandomDocuments
{
    public static readonly string[] Kinds = ["ascii", "latin", "chinese", "japanese", "emoji", "mixed", "invalid-utf8", "empty", "short"];

    private static readonly string[] Latin = ["café", "Ærø", "naïve", "Straße", "ÉCOLE", "señor", "Ørsted", "Ĳssel", "ﬁnal", "Ａｂｃ１２３", "İstanbul", "e\u0301te\u0301"];
    private const string Han = "中华人民共和国的一个大学生在北京市海淀区學習數據去重複文檔處理語言模型訓練";
    private const string Kana = "ひらがなカタカナｶﾀｶﾅのデータをテストする日本語です";
    private static readonly string[] Emoji = ["😀", "👍🏽", "🇨🇳", "❤️", "🧪", "👨‍👩‍👧"];
    private static readonly string[] Punctuation = [" ", "  ", "\n", "\t", ", ", ". ", "，", "。", "！", "——", "「", "」", "-", "'", "\u3000"];

    public static byte[] Make(string kind, Random random) => kind switch
    {
        "ascii" => Utf8(Words(random, random.Next(5, 300), _ => AsciiWord(random))),
        "latin" => Utf8(Words(random, random.Next(5, 200), _ => random.Next(3) == 0 ? Latin[random.Next(Latin.Length)] : AsciiWord(random))),
        "chinese" => Utf8(Words(random, random.Next(5, 300), _ => Han[random.Next(Han.Length)].ToString())),
        "japanese" => Utf8(Words(random, random.Next(5, 300), _ => Kana[random.Next(Kana.Length)].ToString())),
        "emoji" => Utf8(Words(random, random.Next(5, 100), _ => random.Next(2) == 0 ? Emoji[random.Next(Emoji.Length)] : AsciiWord(random))),
        "mixed" => Utf8(Words(random, random.Next(5, 300), i => (i % 4) switch
        {
            0 => AsciiWord(random),
            1 => Han[random.Next(Han.Length)].ToString(),
            2 => Latin[random.Next(Latin.Length)],
            _ => Emoji[random.Next(Emoji.Length)],
        })),
        "invalid-utf8" => Corrupt(Make("mixed", random), random),
        "empty" => random.Next(2) == 0 ? [] : Utf8(Punctuation[random.Next(Punctuation.Length)]),
        "short" => Utf8(Words(random, random.Next(1, 5), _ => random.Next(2) == 0 ? AsciiWord(random) : Han[random.Next(Han.Length)].ToString())),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A mix of every kind, in random order.</summary>
    public static List<byte[]> Mixed(int count, int seed)
    {
        var random = new Random(seed);
        var documents = new List<byte[]>(count);
        for (int i = 0; i < count; i++)
        {
            documents.Add(Make(Kinds[random.Next(Kinds.Length)], random));
        }

        return documents;
    }

    /// <summary>
    /// A document of at least <paramref name="bytes"/> bytes, mixed and Chinese pieces separated
    /// by blank lines: it spans thousands of tokenizing chunks and MinHash segments.
    /// </summary>
    public static byte[] Long(int bytes, Random random)
    {
        var text = new List<byte>(bytes + 4096);
        while (text.Count < bytes)
        {
            text.AddRange(Make(random.Next(4) == 0 ? "chinese" : "mixed", random));
            text.AddRange(Encoding.UTF8.GetBytes("\n\n"));
        }

        return text.ToArray();
    }

    private static string Words(Random random, int count, Func<int, string> word)
    {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append(word(i));
            text.Append(random.Next(3) == 0 ? Punctuation[random.Next(Punctuation.Length)] : " ");
        }

        return text.ToString();
    }

    private static string AsciiWord(Random random)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var word = new char[random.Next(1, 9)];
        for (int i = 0; i < word.Length; i++)
        {
            word[i] = letters[random.Next(random.Next(4) == 0 ? letters.Length : 26)];
        }

        return new string(word);
    }

    /// <summary>Overwrites random bytes, cuts sequences short and adds stray continuation and lead bytes.</summary>
    private static byte[] Corrupt(byte[] text, Random random)
    {
        var bytes = new List<byte>(text);
        int edits = Math.Max(1, bytes.Count / 20);
        byte[] bad = [0x80, 0xBF, 0xC0, 0xC1, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF, 0xE2, 0x82];
        for (int e = 0; e < edits; e++)
        {
            int at = random.Next(bytes.Count + 1);
            if (at < bytes.Count && random.Next(2) == 0)
            {
                bytes[at] = bad[random.Next(bad.Length)];
            }
            else
            {
                bytes.Insert(at, bad[random.Next(bad.Length)]);
            }
        }

        if (random.Next(2) == 0 && bytes.Count > 0)
        {
            bytes.RemoveAt(bytes.Count - 1);
        }

        return bytes.ToArray();
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
