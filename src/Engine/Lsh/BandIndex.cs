namespace Dedup.Engine.Lsh;

/// <summary>
/// The band keys of every signed document, one list per band, and the candidate pairs they give.
/// </summary>
public sealed class BandIndex
{
    private readonly List<BandEntry>[] bands;

    public BandIndex(int bandCount)
    {
        bands = new List<BandEntry>[bandCount];
        for (int b = 0; b < bandCount; b++)
        {
            bands[b] = [];
        }
    }

    public void Add(int document, ReadOnlySpan<ulong> keys, ulong contentHash)
    {
        for (int b = 0; b < bands.Length; b++)
        {
            bands[b].Add(new BandEntry(keys[b], contentHash, document));
        }
    }

    /// <summary>
    /// Candidate pairs (smaller index in the high half) from every bucket of two or more documents,
    /// sorted and distinct. Each member is linked to the bucket's leader (n - 1 pairs, not n^2).
    /// The leader is the member with the smallest content hash, not the first read, so that the
    /// pairs (and hence the clusters) do not depend on the order of the shards. Members with the
    /// leader's content are skipped: exact duplicates are joined by their content hash.
    /// </summary>
    public ulong[] CandidatePairs()
    {
        var pairs = new List<ulong>();
        foreach (var band in bands)
        {
            var entries = band.ToArray();
            Array.Sort(entries);
            for (int start = 0; start < entries.Length;)
            {
                int end = start + 1;
                while (end < entries.Length && entries[end].Key == entries[start].Key)
                {
                    end++;
                }

                var leader = entries[start];
                for (int i = start + 1; i < end; i++)
                {
                    if (entries[i].ContentHash != leader.ContentHash)
                    {
                        pairs.Add(Pair(leader.Document, entries[i].Document));
                    }
                }

                start = end;
            }
        }

        var result = pairs.ToArray();
        Array.Sort(result);
        int distinct = 0;
        for (int i = 0; i < result.Length; i++)
        {
            if (i == 0 || result[i] != result[i - 1])
            {
                result[distinct++] = result[i];
            }
        }

        Array.Resize(ref result, distinct);
        return result;
    }

    public static ulong Pair(int a, int b) => a < b ? ((ulong)(uint)a << 32) | (uint)b : ((ulong)(uint)b << 32) | (uint)a;

    public static (int First, int Second) Unpack(ulong pair) => ((int)(pair >> 32), (int)(uint)pair);

    private readonly record struct BandEntry(ulong Key, ulong ContentHash, int Document) : IComparable<BandEntry>
    {
        public int CompareTo(BandEntry other)
        {
            int c = Key.CompareTo(other.Key);
            if (c != 0)
            {
                return c;
            }

            c = ContentHash.CompareTo(other.ContentHash);
            return c != 0 ? c : Document.CompareTo(other.Document);
        }
    }
}
