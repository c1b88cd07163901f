using System.Text;

namespace Dedup.Engine.Slurm;

/// <summary>
/// Task indices as Slurm's --array syntax writes them: sorted, runs compressed to ranges
/// (<c>0-3</c>, <c>1,3,5-7</c>), and an optional <c>%W</c> limit on how many run at once.
/// </summary>
public static class ArrayRanges
{
    /// <summary>"0-3,5,7-8" for 0,1,2,3,5,7,8 (in any order); duplicates are ignored; empty for none.</summary>
    public static string Format(IEnumerable<int> indices)
    {
        var sorted = indices.Distinct().Order().ToList();
        var text = new StringBuilder();
        for (int i = 0; i < sorted.Count;)
        {
            int first = sorted[i];
            int last = first;
            while (i + 1 < sorted.Count && sorted[i + 1] == last + 1)
            {
                last = sorted[++i];
            }

            i++;
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(first);
            if (last > first)
            {
                text.Append('-').Append(last);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The value of sbatch's --array: the ranges, then %W when at most W tasks may run at once
    /// (left out when there are no more than W tasks: it would limit nothing).
    /// </summary>
    public static string ForSbatch(IReadOnlyCollection<int> indices, int? maxParallel)
    {
        string ranges = Format(indices);
        if (ranges.Length == 0)
        {
            throw new ArgumentException("an array job needs at least one task index", nameof(indices));
        }

        return maxParallel is int w && w < indices.Distinct().Count() ? $"{ranges}%{w}" : ranges;
    }
}
