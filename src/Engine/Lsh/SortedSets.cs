namespace Dedup.Engine.Lsh;

/// <summary>Set arithmetic on sorted, distinct value arrays (shingle sets).</summary>
public static class SortedSets
{
    /// <summary>|A ∩ B| / |A ∪ B|; two empty sets are identical (1).</summary>
    public static double Jaccard(ReadOnlySpan<uint> x, ReadOnlySpan<uint> y)
    {
        if (x.Length + y.Length == 0)
        {
            return 1;
        }

        int common = 0;
        for (int i = 0, j = 0; i < x.Length && j < y.Length;)
        {
            if (x[i] == y[j])
            {
                common++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)common / (x.Length + y.Length - common);
    }
}
