namespace Dedup.Engine.IO;

/// <summary>Whole-file compression of a shard (Parquet shards are always <see cref="None"/>: their codecs are per column chunk).</summary>
public enum Compression
{
    None,
    Gzip,
    Zstd,
}
