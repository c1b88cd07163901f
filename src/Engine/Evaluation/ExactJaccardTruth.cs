using System.Runtime.InteropServices;

namespace Dedup.Engine.Evaluation;

/// <summary>
/// The truth Dedup computes itself: pairs of documents whose exact Jaccard over the engine's own
/// shingle sets reaches the run's threshold, and their transitive closure as duplicate groups.
/// </summary>
internal static class ExactJaccardTruth
{
    /// <summary>
    /// Copies with identical shingle sets are graded once each, against the first of them, and only
    /// the first takes part in the join: a boilerplate page copied ten thousand times would otherwise
    /// yield fifty million pairs. The groups are the same either way, since copies have Jaccard 1
    /// with each other and equal Jaccard with everyone else.
    /// </summary>
    public static EvaluatedTruth Build(RunCorpus corpus, double threshold)
    {
        var firstCopy = new Dictionary<uint[], string>(new SetComparer());
        var distinct = new List<string>();
        var pairs = new List<TruthPair>();
        foreach (string id in corpus.Ids)
        {
            if (!corpus.Shingles.TryGetValue(id, out var set) || set.Length == 0)
            {
                continue;
            }

            if (firstCopy.TryGetValue(set, out string? first))
            {
                pairs.Add(new TruthPair(first, id, 1));
            }
            else
            {
                firstCopy[set] = id;
                distinct.Add(id);
            }
        }

        pairs.AddRange(SimilarityJoin.Join(distinct.Select(id => corpus.Shingles[id]).ToList(), threshold)
            .Select(p => new TruthPair(distinct[p.A], distinct[p.B], p.Jaccard)));
        return new EvaluatedTruth(IdPartition.FromPairs(pairs.Select(p => (p.A, p.B))), pairs, IgnoredIds: 0);
    }

    /// <summary>Shingle sets compared by content.</summary>
    private sealed class SetComparer : IEqualityComparer<uint[]>
    {
        public bool Equals(uint[]? x, uint[]? y) => x.AsSpan().SequenceEqual(y.AsSpan());

        public int GetHashCode(uint[] set)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(set.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
