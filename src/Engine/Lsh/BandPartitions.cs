namespace Dedup.Engine.Lsh;

/// <summary>
/// Splits the 64-bit band keys into contiguous ranges, one per buckets task. A range of keys, not
/// a hash of them: a sorted section then splits into partitions by slicing, and a later run with
/// another partition count can still find any key range in an earlier run's files (--against).
/// </summary>
public static class BandPartitions
{
    public static int Of(ulong key, int partitions) => (int)(((UInt128)key * (ulong)partitions) >> 64);

    /// <summary>The smallest key of <paramref name="partition"/>.</summary>
    public static ulong Start(int partition, int partitions) =>
        partition == 0 ? 0 : (ulong)((((UInt128)partition << 64) + (ulong)partitions - 1) / (ulong)partitions);
}
