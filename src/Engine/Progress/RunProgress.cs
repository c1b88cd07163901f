namespace Dedup.Engine.Progress;

/// <summary>
/// Live counters of a run, written by the stages and read by whoever shows progress (the CLI polls
/// them on a timer). Writers use Interlocked/Volatile so a reader on another thread sees whole values.
/// </summary>
public sealed class RunProgress
{
    private long documents;
    private long textBytes;
    private long fileBytesDone;
    private long fileBytesCurrent;
    private int shardsWritten;
    private string stage = "starting";

    /// <summary>The stage running now: signatures, buckets, cluster, filter, done.</summary>
    public string Stage => Volatile.Read(ref stage);

    public long Documents => Interlocked.Read(ref documents);

    public long TextBytes => Interlocked.Read(ref textBytes);

    /// <summary>Bytes of shard files read so far (compressed bytes for compressed shards).</summary>
    public long FileBytesRead => Interlocked.Read(ref fileBytesDone) + Interlocked.Read(ref fileBytesCurrent);

    /// <summary>Bytes of all shard files: with <see cref="FileBytesRead"/>, the fraction done while signing.</summary>
    public long FileBytesTotal { get; private set; }

    public int ShardsWritten => Volatile.Read(ref shardsWritten);

    public int ShardsTotal { get; private set; }

    public void Start(string name) => Volatile.Write(ref stage, name);

    public void SetInputs(int shards, long fileBytes)
    {
        ShardsTotal = shards;
        FileBytesTotal = fileBytes;
    }

    public void Record(int textLength)
    {
        Interlocked.Increment(ref documents);
        Interlocked.Add(ref textBytes, textLength);
    }

    /// <summary>How far into the current shard file reading has got.</summary>
    public void ReadInto(long fileBytes) => Interlocked.Exchange(ref fileBytesCurrent, fileBytes);

    public void ShardRead(long fileBytes)
    {
        Interlocked.Add(ref fileBytesDone, fileBytes);
        Interlocked.Exchange(ref fileBytesCurrent, 0);
    }

    public void ShardWritten() => Interlocked.Increment(ref shardsWritten);
}
