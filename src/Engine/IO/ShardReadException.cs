namespace Dedup.Engine.IO;

/// <summary>
/// A shard cannot be read any further (corrupt or truncated compression, a bad Parquet file, an I/O error).
/// The message names the file and, where known, the row; the properties carry both for callers.
/// </summary>
public sealed class ShardReadException(string filePath, long? row, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string FilePath { get; } = filePath;

    /// <summary>0-based row at or near which reading stopped; null when the failure is not tied to a row (e.g. the file footer).</summary>
    public long? Row { get; } = row;
}
