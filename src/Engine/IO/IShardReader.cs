namespace Dedup.Engine.IO;

/// <summary>
/// Streams the rows of one shard. Not thread-safe; meant to be driven by one background thread.
/// Nothing touches the file before the first <see cref="Read"/>, so every data error surfaces there.
/// </summary>
public interface IShardReader : IDisposable
{
    /// <summary>
    /// Advances to the next row; false at the end. Throws <see cref="ShardReadException"/> on corrupt or
    /// unreadable data that stops the shard (truncated gzip/zstd, a bad Parquet file, an I/O error).
    /// </summary>
    bool Read();

    /// <summary>0-based row index within the shard (JSONL: the line index, counting blank lines).</summary>
    long Row { get; }

    RecordStatus Status { get; }

    /// <summary>The id field (a string as is; a number or boolean as its JSON text), else "&lt;RelativePath&gt;:&lt;Row&gt;".</summary>
    string Id { get; }

    /// <summary>The key field (<see cref="ReaderOptions.KeyField"/>) formatted like the id; null when it is not asked for or absent.</summary>
    string? Key { get; }

    /// <summary>Bytes of the shard file consumed so far (compressed bytes for compressed shards): for progress and ETA.</summary>
    long FileBytesRead { get; }

    /// <summary>UTF-8 text of the current row, valid until the next <see cref="Read"/>; empty unless the status is Ok or Repaired.</summary>
    ReadOnlySpan<byte> Text { get; }

    /// <summary>
    /// The XXH3-64 of the shard file's bytes (<see cref="ContentHashingStream"/>), once <see cref="Read"/>
    /// has returned false; later readers compare it with the signature stage's to prove the shard unchanged.
    /// </summary>
    ulong ContentHash { get; }

    /// <summary>A short human-readable reason for any status other than <see cref="RecordStatus.Ok"/>; null for Ok.</summary>
    string? Problem { get; }
}
