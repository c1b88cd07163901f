using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace Dedup.Engine.Inspection;

/// <summary>
/// A compact word diff of a document against the kept one: unchanged stretches shrink to a few
/// words of context, deletions show as [-...-] and insertions as {+...+}. Changes of whitespace
/// alone (reflowed lines, doubled spaces, tabs) are not shown, only counted at the end: they do
/// not change a single shingle, and they would crowd out the edits that do.
/// </summary>
public static class WordDiff
{
    public static string Compact(string kept, string other, int context = 4, int maxChanges = 20)
    {
        // DiffPlex compares each piece trimmed, so any two whitespace pieces match and the
        // unchanged stretches show the kept document's own spacing.
        var diff = Differ.Instance.CreateDiffs(kept, other, ignoreWhiteSpace: true, ignoreCase: false, new DiffChunker());
        var edits = diff.DiffBlocks.Where(b => !IsWhitespaceOnly(diff, b)).ToList();
        int whitespace = WhitespaceChanges(diff);
        if (edits.Count == 0)
        {
            return whitespace == 0 ? "(identical text)" : $"(only whitespace differs, in {Places(whitespace)})";
        }

        var text = new StringBuilder();
        int a = 0;
        int shown = 0;
        foreach (var block in edits)
        {
            if (shown == maxChanges)
            {
                text.Append($" ... ({edits.Count - shown} more changes)");
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

        if (shown == edits.Count)
        {
            AppendContext(text, diff.PiecesOld, a, diff.PiecesOld.Count, context, first: false, last: true);
        }

        if (whitespace > 0)
        {
            text.Append($" (and whitespace differs in {Places(whitespace)})");
        }

        return text.ToString().Replace('\n', ' ');
    }

    private static string Places(int count) => count == 1 ? "1 place" : $"{count} places";

    private static bool IsWhitespaceOnly(DiffResult diff, DiffBlock block) =>
        diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA)
            .Concat(diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB))
            .All(string.IsNullOrWhiteSpace);

    /// <summary>Places where only whitespace differs: blocks of nothing else, and matched whitespace pieces that are not the same.</summary>
    private static int WhitespaceChanges(DiffResult diff)
    {
        int changes = 0;
        int a = 0;
        int b = 0;
        foreach (var block in diff.DiffBlocks)
        {
            changes += Mismatches(diff, a, b, block.DeleteStartA - a) + (IsWhitespaceOnly(diff, block) ? 1 : 0);
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        return changes + Mismatches(diff, a, b, diff.PiecesOld.Count - a);
    }

    /// <summary>Matched pieces that differ (with whitespace ignored, only whitespace pieces can).</summary>
    private static int Mismatches(DiffResult diff, int a, int b, int count) =>
        Enumerable.Range(0, count).Count(k => diff.PiecesOld[a + k] != diff.PiecesNew[b + k]);

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
