namespace Dedup.Engine.IO;

/// <summary>
/// The rows a filtered copy leaves out, strictly ascending, taken as the copy passes them: a shard's removed
/// rows are streamed from the run folder as the copy goes, never listed whole (millions of rows for a shard of
/// short duplicates). Out-of-order rows throw <see cref="ArgumentException"/> when they are reached.
/// </summary>
internal sealed class RemovedRowCursor : IDisposable
{
    private readonly IEnumerator<long> rows;
    private int taken;

    public RemovedRowCursor(IEnumerable<long> rows)
    {
        this.rows = rows.GetEnumerator();
        Advance(previous: -1);
    }

    /// <summary>Whether a removed row is still to come; then <see cref="Next"/> is it.</summary>
    public bool Any { get; private set; }

    public long Next { get; private set; }

    /// <summary>Whether <paramref name="row"/> is the next removed row (then it is taken). Ask every row in ascending order.</summary>
    public bool Take(long row)
    {
        if (!Any || Next != row)
        {
            return false;
        }

        Advance(previous: row);
        return true;
    }

    /// <summary>Takes every removed row before <paramref name="end"/>, passing each to <paramref name="removed"/>; returns how many.</summary>
    public int TakeBelow(long end, Action<long> removed)
    {
        int count = 0;
        while (Any && Next < end)
        {
            long row = Next;
            removed(row);
            Advance(previous: row);
            count++;
        }

        return count;
    }

    /// <summary>Called once the whole shard is copied: a removed row left over lies beyond its end.</summary>
    public void CheckAllTaken(Shard shard, long shardRows)
    {
        if (Any)
        {
            throw new ArgumentException($"removed row {Next} is beyond the end of {shard.FullPath}, which has {shardRows} rows", "removedRows");
        }
    }

    public void Dispose() => rows.Dispose();

    private void Advance(long previous)
    {
        Any = rows.MoveNext();
        if (!Any)
        {
            return;
        }

        Next = rows.Current;
        if (Next < 0 || Next <= previous)
        {
            throw new ArgumentException($"removed rows must be non-negative and strictly ascending; entry {taken + 1} is {Next}, after {previous}", "removedRows");
        }

        taken++;
    }
}
