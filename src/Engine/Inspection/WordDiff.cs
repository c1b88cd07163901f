using System.Text;
using DiffPlex;

namespace Dedup.Engine.Inspection;

/// <summary>
/// A compact word diff of a document against the kept one: unchanged stretches shrink to a few
/// words of context, deletions show as [-...-] and insertions as {+...+}.
/// </summary>
public static class WordDiff
{
    public static string Compact(string kept, string other, int context = 4, int maxChanges = 20)
    {
        var diff = Differ.Instance.CreateDiffs(kept, other, ignoreWhiteSpace: false, ignoreCase: false, new DiffChunker());
        if (diff.DiffBlocks.Count == 0)
        {
            return "(identical text)";
        }

        var text = new StringBuilder();
        int a = 0;
        int shown = 0;
        foreach (var block in diff.DiffBlocks)
        {
            if (shown == maxChanges)
            {
                text.Append($" ... ({diff.DiffBlocks.Count - shown} more changes)");
                break;
            }

            AppendContext(text, diff.PiecesOld, a, block.DeleteStartA, context, first: shown == 0);
            if (block.DeleteCountA > 0)
            {
                text.Append("[-").Append(string.Concat(diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA))).Append("-]");
            }

            if (block.InsertCountB > 0)
            {
                text.Append("{+").Append(string.Concat(diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB))).Append("+}");
            }

            a = block.DeleteStartA + block.DeleteCountA;
            shown++;
        }

        if (shown == diff.DiffBlocks.Count)
        {
            AppendContext(text, diff.PiecesOld, a, diff.PiecesOld.Count, context, first: false, last: true);
        }

        return text.ToString().Replace('\n', ' ');
    }

    /// <summary>The unchanged pieces [from, to), shortened to <paramref name="context"/> pieces on each side.</summary>
    private static void AppendContext(StringBuilder text, IReadOnlyList<string> pieces, int from, int to, int context, bool first, bool last = false)
    {
        int lead = last ? 0 : context * 2;
        int tail = first ? 0 : context * 2;
        if (to - from <= lead + tail + 1)
        {
            text.Append(string.Concat(pieces.Skip(from).Take(to - from)));
            return;
        }

        // Pieces alternate words and spaces, so twice the context counts words.
        text.Append(string.Concat(pieces.Skip(from).Take(tail)));
        text.Append(" ... ");
        text.Append(string.Concat(pieces.Skip(to - lead).Take(lead)));
    }
}
