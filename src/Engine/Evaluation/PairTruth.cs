using Dedup.Engine.IO;

namespace Dedup.Engine.Evaluation;

/// <summary>
/// A JSONL truth of <c>{"a", "b"}</c> duplicate pairs (plain, gzip or zstd). Duplicates are the
/// transitive closure of the pairs; the pairs themselves are the ones graded by Jaccard.
/// </summary>
internal sealed class PairTruth : ITruthSource
{
    private readonly List<(string A, string B)> pairs;
    private readonly HashSet<string> mentioned;

    private PairTruth(List<(string A, string B)> pairs)
    {
        this.pairs = pairs;
        mentioned = pairs.SelectMany(p => new[] { p.A, p.B }).ToHashSet(StringComparer.Ordinal);
    }

    public static PairTruth Read(string path)
    {
        var pairs = new List<(string A, string B)>();
        var seen = new HashSet<(string, string)>();
        JsonLinesInput.ForEach(path, (row, line) =>
        {
            string a = JsonLinesInput.IdField(row, "a", path, line);
            string b = JsonLinesInput.IdField(row, "b", path, line);
            if (string.Equals(a, b, StringComparison.Ordinal))
            {
                throw new InputException($"{path} line {line}: a pair of '{a}' with itself; list pairs of two different ids.");
            }

            // A pair listed twice, in either order, is one pair.
            var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            if (seen.Add(key))
            {
                pairs.Add((a, b));
            }
        });
        return new PairTruth(pairs);
    }

    public bool Mentions(string id) => mentioned.Contains(id);

    public EvaluatedTruth Build(RunCorpus corpus)
    {
        var kept = pairs.Where(p => corpus.Contains(p.A) && corpus.Contains(p.B)).ToList();
        long ignored = mentioned.Count(id => !corpus.Contains(id));
        var graded = kept.Select(p => new TruthPair(p.A, p.B, EngineShingles.Jaccard(corpus.Shingles[p.A], corpus.Shingles[p.B]))).ToList();
        return new EvaluatedTruth(IdPartition.FromPairs(kept), graded, ignored);
    }
}
