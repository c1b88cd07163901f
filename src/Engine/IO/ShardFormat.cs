namespace Dedup.Engine.IO;

/// <summary>How the records of a shard are stored.</summary>
public enum ShardFormat
{
    /// <summary>One JSON object per line (optionally gzip- or zstd-compressed as a whole file).</summary>
    Jsonl,

    /// <summary>Apache Parquet; compression is internal to the file.</summary>
    Parquet,
}
