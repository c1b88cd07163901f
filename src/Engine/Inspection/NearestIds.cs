namespace Dedup.Engine.Inspection;

/// <summary>
/// The few ids closest to a wanted one by edit distance, first seen first among equals: what
/// <c>dedup inspect --id</c> suggests for an id the run does not have.
/// </summary>
internal sealed class NearestIds(string wanted, int count)
{
    private readonly List<(int Distance, string Id)> best = [];

    public IReadOnlyList<string> Ids => best.Select(b => b.Id).ToList();

    public void Offer(string id)
    {
        bool full = best.Count == count;
        // An id that cannot beat the worst kept one is not measured to the end.
        int bound = full ? best[^1].Distance : int.MaxValue;
        int distance = Distance(wanted, id, bound);
        if (distance >= bound)
        {
            return;
        }

        if (full)
        {
            best.RemoveAt(best.Count - 1);
        }

        int at = best.FindIndex(b => b.Distance > distance);
        best.Insert(at < 0 ? best.Count : at, (distance, id));
    }

    /// <summary>The Levenshtein distance of <paramref name="a"/> and <paramref name="b"/>, or <paramref name="bound"/> once it cannot be less.</summary>
    internal static int Distance(string a, string b, int bound = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) >= bound)
        {
            return bound;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
                rowMin = Math.Min(rowMin, current[j]);
            }

            // The distance is never below the smallest entry of any row.
            if (rowMin >= bound)
            {
                return bound;
            }

            (previous, current) = (current, previous);
        }

        return Math.Min(previous[b.Length], bound);
    }
}
