namespace Dedup.Engine.IO;

/// <summary>
/// Tells the caller of a shard copy how far it has got, in steps: the rows and the bytes of the
/// shard file passed since the last step. The bytes never step back (Parquet reads its columns
/// where they lie) and add up to the shard's length at the end.
/// </summary>
internal sealed class CopyProgress(Shard shard, Action<long, long>? report)
{
    private long rows;
    private long bytes;

    public void To(long rowsDone, long bytesDone)
    {
        long through = Math.Clamp(bytesDone, bytes, shard.Length);
        report?.Invoke(rowsDone - rows, through - bytes);
        rows = rowsDone;
        bytes = through;
    }

    public void End(long rowsDone) => To(rowsDone, shard.Length);
}
