using Dedup.Engine.Lsh;
namespace Dedup.Engine.Evaluation;

/// <summary>
/// Every pair of sets with Jaccard at or above a threshold, exactly, by prefix filtering
/// (the AllPairs / PPJoin family: Bayardo, Ma and Srikant, WWW 2007; Xiao et al., WWW 2008).
/// Elements are reordered rarest first; two sets with J >= t must share an element among the
/// first |x| - ceil(t |x|) + 1 of each, so only those prefixes are indexed and probed, and the
/// few candidates they yield are verified by merging the whole sets. Near-unique shingles make
/// prefixes highly selective, so a corpus of tens of thousands of documents joins in seconds.
/// </summary>
public static class SimilarityJoin
{
    /// <summary>Prefix and size bounds use a threshold lowered by this much, so rounding can only widen them.</summary>
    private const double Slack = 1e-9;

    /// <param name="sets">Ascending distinct values per document; empty sets take part in no pair.</param>
    /// <returns>Pairs ordered by (A, B).</returns>
    public static List<SimilarPair> Join(IReadOnlyList<uint[]> sets, double threshold)
    {
        if (threshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the threshold must lie in (0, 1]");
        }

        var ranked = RarestFirst(sets);
        var order = Enumerable.Range(0, sets.Count).Where(i => ranked[i].Length > 0).OrderBy(i => ranked[i].Length).ThenBy(i => i).ToArray();
        double loose = threshold - Slack;
        var index = new Dictionary<int, List<int>>();
        var lastProbe = new int[sets.Count];
        var candidates = new List<int>();
        var pairs = new List<SimilarPair>();
        foreach (int x in order)
        {
            var rx = ranked[x];
            int prefix = rx.Length - (int)Math.Ceiling(loose * rx.Length) + 1;
            int minLength = (int)Math.Ceiling(loose * rx.Length);
            candidates.Clear();
            for (int k = 0; k < prefix; k++)
            {
                if (!index.TryGetValue(rx[k], out var postings))
                {
                    continue;
                }

                // Sets arrive by increasing size, so every indexed y is no larger than x; only the lower bound can fail.
                foreach (int y in postings)
                {
                    if (lastProbe[y] != x + 1 && ranked[y].Length >= minLength)
                    {
                        lastProbe[y] = x + 1;
                        candidates.Add(y);
                    }
                }
            }

            foreach (int y in candidates)
            {
                double jaccard = SortedSets.Jaccard(SortedSets.Intersection<int>(rx, ranked[y]), rx.Length, ranked[y].Length);
                if (jaccard >= threshold)
                {
                    pairs.Add(new SimilarPair(Math.Min(x, y), Math.Max(x, y), jaccard));
                }
            }

            for (int k = 0; k < prefix; k++)
            {
                if (!index.TryGetValue(rx[k], out var postings))
                {
                    index[rx[k]] = postings = [];
                }

                postings.Add(x);
            }
        }

        pairs.Sort((p, q) => p.A != q.A ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B));
        return pairs;
    }

    /// <summary>Each set as ascending ranks, rank 0 being the value in the fewest sets (ties by value).</summary>
    private static int[][] RarestFirst(IReadOnlyList<uint[]> sets)
    {
        var all = new uint[sets.Sum(s => (long)s.Length)];
        long at = 0;
        foreach (var set in sets)
        {
            set.CopyTo(all, at);
            at += set.Length;
        }

        Array.Sort(all);
        var values = new List<uint>();
        var counts = new List<int>();
        for (long i = 0; i < all.LongLength; i++)
        {
            if (i == 0 || all[i] != all[i - 1])
            {
                values.Add(all[i]);
                counts.Add(0);
            }

            counts[^1]++;
        }

        // Sort key: (count, value) packed into one integer, so one array sort ranks millions of values.
        var keys = new ulong[values.Count];
        var byRarity = new int[values.Count];
        for (int v = 0; v < keys.Length; v++)
        {
            keys[v] = ((ulong)counts[v] << 32) | values[v];
            byRarity[v] = v;
        }

        Array.Sort(keys, byRarity);
        var rankOf = new int[values.Count];
        for (int r = 0; r < byRarity.Length; r++)
        {
            rankOf[byRarity[r]] = r;
        }

        var valueArray = values.ToArray();
        var ranked = new int[sets.Count][];
        for (int s = 0; s < sets.Count; s++)
        {
            var ranks = new int[sets[s].Length];
            for (int k = 0; k < ranks.Length; k++)
            {
                ranks[k] = rankOf[Array.BinarySearch(valueArray, sets[s][k])];
            }

            Array.Sort(ranks);
            ranked[s] = ranks;
        }

        return ranked;
    }
}
