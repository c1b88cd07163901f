namespace Dedup.Engine.Evaluation;

/// <summary>
/// Document-level scores of what a run removes. A truth group of k documents should lose k - 1
/// of them (<see cref="ToRemove"/>); a removed document is <see cref="Correct"/> as long as its
/// group keeps at least one member, whichever member that is.
/// </summary>
public sealed record RemovalScores(long Removed, long ToRemove, long Correct, double Precision, double Recall)
{
    /// <summary>
    /// Not "every member but the first" compared id by id: which member a run keeps depends on
    /// its keep policy and on shard order, and keeping another copy of the same document is not an
    /// error. When the keepers agree with the truth's first members the two definitions coincide.
    /// </summary>
    public static RemovalScores Compute(IEnumerable<string> removed, IdPartition truth)
    {
        var removedPerGroup = new long[truth.Groups.Count];
        long removedCount = 0;
        foreach (string id in removed)
        {
            removedCount++;
            int group = truth.GroupOf(id);
            if (group >= 0)
            {
                removedPerGroup[group]++;
            }
        }

        long toRemove = 0, correct = 0;
        for (int g = 0; g < removedPerGroup.Length; g++)
        {
            long surplus = truth.Groups[g].Length - 1;
            toRemove += surplus;
            correct += Math.Min(removedPerGroup[g], surplus);
        }

        return new RemovalScores(removedCount, toRemove, correct, Ratios.Of(correct, removedCount), Ratios.Of(correct, toRemove));
    }
}
