namespace Dedup.Engine.Lsh;

/// <summary>Set operations on ascending arrays of distinct values (shingle sets): the one merge loop exact Jaccard uses, in runs and in eval.</summary>
public static class SortedSets
{
    /// <summary>How many values <paramref name="a"/> and <paramref name="b"/> share.</summary>
    public static int Intersection<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : IComparable<T>
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            int c = a[i].CompareTo(b[j]);
            common += c == 0 ? 1 : 0;
            i += c <= 0 ? 1 : 0;
            j += c >= 0 ? 1 : 0;
        }

        return common;
    }

    /// <summary>|A ∩ B| / |A ∪ B| from the sizes and the intersection.</summary>
    public static double Jaccard(int common, int a, int b) => (double)common / (a + b - common);

    /// <summary>|A ∩ B| / |A ∪ B| as verification takes it: two empty sets are identical (1).</summary>
    public static double Jaccard(ReadOnlySpan<uint> x, ReadOnlySpan<uint> y) =>
        x.Length + y.Length == 0 ? 1 : Jaccard(Intersection(x, y), x.Length, y.Length);
}
