namespace Dedup.Engine.Evaluation;

/// <summary>Set operations on ascending arrays of distinct values.</summary>
internal static class SortedSets
{
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
}
