using DiffPlex;

namespace Dedup.Engine.Inspection;

/// <summary>
/// Splits text for a word diff the way the text model sees it: a run of letters or digits is one
/// piece, each Han/Kana character is a piece of its own (Chinese has no spaces to split on), and
/// whitespace and punctuation are pieces too so the diff can show them.
/// </summary>
internal sealed class DiffChunker : IChunker
{
    public IReadOnlyList<string> Chunk(string text)
    {
        var pieces = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            var kind = KindOf(text, i);
            i += char.IsSurrogatePair(text, i) ? 2 : 1;
            if (kind != PieceKind.Single)
            {
                while (i < text.Length && KindOf(text, i) == kind)
                {
                    i += char.IsSurrogatePair(text, i) ? 2 : 1;
                }
            }

            pieces.Add(text[start..i]);
        }

        return pieces;
    }

    private static PieceKind KindOf(string text, int i)
    {
        int cp = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
        if (cp is >= 0x2E80 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x323AF)
        {
            return PieceKind.Single;
        }

        if (char.IsWhiteSpace(text, i))
        {
            return PieceKind.Space;
        }

        return char.IsLetterOrDigit(text, i) ? PieceKind.Word : PieceKind.Single;
    }

    private enum PieceKind
    {
        Word,
        Space,
        Single,
    }
}
