using System.Text;

namespace Dedup.Bench;

/// <summary>
/// Edits texts with a seeded generator. Word edits treat a word as a run of non-whitespace that keeps the
/// whitespace after it, so line and paragraph breaks survive them.
/// </summary>
public sealed class TextPerturber(Random random, IReadOnlyList<string> vocabulary)
{
    private enum WordEdit : byte
    {
        Keep,
        Substitute,
        Delete,
        Insert,
    }

    /// <summary>About <paramref name="rate"/> of the words substituted, deleted or preceded by an inserted word; at least one.</summary>
    public string EditWords(string text, double rate)
    {
        var words = Split(text);
        if (words.Count == 0)
        {
            return text;
        }

        var edits = new WordEdit[words.Count];
        int count = Math.Max(1, (int)Math.Round(rate * words.Count));
        for (int i = 0; i < count; i++)
        {
            edits[random.Next(words.Count)] = (WordEdit)(1 + random.Next(3));
        }

        var result = new StringBuilder(text.Length + 64);
        result.Append(text, 0, words[0].Start);
        for (int i = 0; i < words.Count; i++)
        {
            var (start, length, spaceLength) = words[i];
            var space = text.AsSpan(start + length, spaceLength);
            switch (edits[i])
            {
                case WordEdit.Keep:
                    result.Append(text, start, length + spaceLength);
                    break;
                case WordEdit.Substitute:
                    result.Append(RandomWord()).Append(space);
                    break;
                case WordEdit.Delete:
                    // A deleted word's line break stays, or lines would run together.
                    if (space.Contains('\n'))
                    {
                        result.Append(space);
                    }

                    break;
                case WordEdit.Insert:
                    result.Append(RandomWord()).Append(' ').Append(text, start, length + spaceLength);
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>About a quarter of the lines swapped in random pairs: the same shingles but at the seams, in another order.</summary>
    public string ShuffleLines(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2)
        {
            return text;
        }

        for (int i = Math.Max(1, lines.Length / 4); i > 0; i--)
        {
            int a = random.Next(lines.Length);
            int b = random.Next(lines.Length);
            (lines[a], lines[b]) = (lines[b], lines[a]);
        }

        return string.Join('\n', lines);
    }

    /// <summary>The first 30-70% of one text, then the last 70-30% of another, cut between words.</summary>
    public string Splice(string first, string second)
    {
        int headEnd = WordBoundary(first, random.Between(0.3, 0.7));
        int tailStart = WordBoundary(second, random.Between(0.3, 0.7));
        return string.Concat(first.AsSpan(0, headEnd).TrimEnd(), "\n", second.AsSpan(tailStart).TrimStart());
    }

    /// <summary>Line breaks turned into spaces and spaces into line breaks here and there: other bytes, the same words.</summary>
    public string Reflow(string text)
    {
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\n' && random.Next(2) == 0)
            {
                chars[i] = ' ';
            }
            else if (chars[i] == ' ' && random.Next(50) == 0)
            {
                chars[i] = '\n';
            }
        }

        return new string(chars);
    }

    private string RandomWord() => vocabulary[random.Next(vocabulary.Count)];

    /// <summary>The first whitespace at or after <paramref name="fraction"/> of the text (the end when there is none).</summary>
    private static int WordBoundary(string text, double fraction)
    {
        int at = text.AsSpan((int)(text.Length * fraction)).IndexOfAny(" \t\r\n");
        return at < 0 ? text.Length : (int)(text.Length * fraction) + at;
    }

    private static List<(int Start, int Length, int SpaceLength)> Split(string text)
    {
        var words = new List<(int, int, int)>();
        int i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            int spaceStart = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            words.Add((start, spaceStart - start, i - spaceStart));
        }

        return words;
    }
}
