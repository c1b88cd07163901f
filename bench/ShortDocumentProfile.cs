using System.Text;

namespace Dedup.Bench;

/// <summary>
/// The <c>short</c> profile of <c>generate</c>: QA-like documents of 50-300 characters, a question cut from
/// one real document and an answer cut from another, so that millions of them stay distinct.
/// </summary>
public sealed class ShortDocumentProfile(SourcePool pool, Random random) : IDocumentProfile
{
    private const int MinLength = 50;
    private const int MaxLength = 300;

    // A 5-gram document of n words has n - 4 shingles; one word edit inside it changes up to 5 of them,
    // which takes a short document below 0.8. Distinct documents get 2-20% of their words edited (at least
    // one), so two that happen to share a source window still part. A near-duplicate instead loses or gains
    // one word at either end: one shingle of n - 4, a Jaccard similarity of at least 0.8 from 9 words on.
    private const double DistinctEditMin = 0.02;
    private const double DistinctEditMax = 0.20;

    // Large enough that at 20 million documents the copies and near-duplicates spread over about a million
    // originals (clusters of 2-3 on average) instead of piling onto a few thousand.
    public int ReservoirCapacity => 1 << 18;

    private readonly TextPerturber perturber = new(random, pool.Vocabulary);
    private readonly StringBuilder window = new(MaxLength * 2);

    public GeneratedDocument Distinct(string id)
    {
        int length = random.Next(MinLength, MaxLength + 1);
        int questionLength = (int)(length * random.Between(0.25, 0.45));
        var question = RandomSource();
        var answer = RandomSource();
        string text = string.Concat(Window(question.Text, questionLength).TrimEnd('.', ',', ';', ':', '?', '!'), "?\n", Window(answer.Text, length - questionLength - 2));
        text = perturber.EditWords(text, random.Between(DistinctEditMin, DistinctEditMax));
        return new GeneratedDocument(id, text, $"{question.Src}+{answer.Src}", DocumentKind.Distinct);
    }

    /// <summary>One word dropped or added at the start or the end, and in half the cases line breaks and spaces swapped.</summary>
    public string NearDuplicate(string text)
    {
        string word = pool.Vocabulary[random.Next(pool.Vocabulary.Count)];
        int firstSpace = text.IndexOfAny([' ', '\n']);
        int lastSpace = text.LastIndexOfAny([' ', '\n']);
        // A word is dropped only when another remains: an empty text would not be deduplicated at all.
        text = random.Next(4) switch
        {
            0 when firstSpace > 0 && !string.IsNullOrWhiteSpace(text[(firstSpace + 1)..]) => text[(firstSpace + 1)..],
            1 when lastSpace > 0 && !string.IsNullOrWhiteSpace(text[..lastSpace]) => text[..lastSpace],
            2 => $"{word} {text}",
            _ => $"{text} {word}",
        };
        return random.Chance(0.5) ? perturber.Reflow(text) : text;
    }

    /// <summary>About <paramref name="length"/> characters of <paramref name="text"/> from a random word on, whitespace runs made single spaces, ending at a word's end.</summary>
    private string Window(string text, int length)
    {
        int start = text.Length > length * 2 ? random.Next(text.Length - (length * 2)) : 0;
        if (start > 0)
        {
            int space = text.AsSpan(start).IndexOfAny(" \t\r\n");
            start = space < 0 ? 0 : start + space + 1;
        }

        string cut = Collapse(text, start, length);
        // Only whitespace from there on (a source's long blank tail): from the start instead.
        return cut.Length > 0 || start == 0 ? cut : Collapse(text, 0, length);
    }

    /// <summary>Up to <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/>, whitespace runs made single spaces.</summary>
    private string Collapse(string text, int start, int length)
    {
        window.Clear();
        bool inSpace = true;
        for (int i = start; i < text.Length && window.Length < length; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace)
                {
                    window.Append(' ');
                }

                inSpace = true;
            }
            else
            {
                window.Append(c);
                inSpace = false;
            }
        }

        // Never half a surrogate pair; then back to the last word's end when the cut fell inside a word, unless that loses more than half.
        if (window.Length > 0 && char.IsHighSurrogate(window[^1]))
        {
            window.Length--;
        }

        string cut = window.ToString().TrimEnd();
        int lastSpace = cut.LastIndexOf(' ');
        return lastSpace > cut.Length / 2 && cut.Length >= length ? cut[..lastSpace] : cut;
    }

    private PoolDocument RandomSource() => pool.Documents[random.Next(pool.Documents.Count)];
}
