using ZstdSharp;

namespace Dedup.Engine.IO;

/// <summary>Turns the failures that stop a shard into <see cref="ShardReadException"/>s whose message says what, where and what to do.</summary>
internal static class ShardErrors
{
    /// <summary>Failures of the data or the disk, as opposed to bugs, which must not be dressed up as bad input.</summary>
    public static bool IsDataError(Exception e) =>
        e is IOException or InvalidDataException or UnauthorizedAccessException or ZstdException;

    /// <summary>A failure while reading the bytes of a JSONL shard, at or near <paramref name="row"/>.</summary>
    public static ShardReadException Jsonl(Shard shard, long row, Exception e)
    {
        string path = shard.FullPath;
        string message = e switch
        {
            FileNotFoundException or DirectoryNotFoundException =>
                $"{path}: the file disappeared while the run was using it ({e.Message}). Restore it and run again.",
            UnauthorizedAccessException =>
                $"{path}: permission denied ({e.Message}). Make the file readable and run again.",
            LineTooLongException =>
                $"{path}: cannot read row {row}: {e.Message}. Split the line or remove the file from the input.",
            _ when shard.Compression != Compression.None && e is InvalidDataException or ZstdException or EndOfStreamException =>
                $"{path}: corrupt {ShardStreams.Describe(shard.Compression)} data near row {row}: {e.Message} " +
                "Re-copy the file, or remove it from the input.",
            _ => $"{path}: I/O error near row {row}: {e.Message} Check the disk and the file, then run again.",
        };
        return new ShardReadException(path, row, message, e);
    }

    /// <summary>A Parquet file that cannot be read; <paramref name="row"/> is the first row of the failing row group, if any.</summary>
    public static ShardReadException Parquet(Shard shard, long? row, Exception e)
    {
        string path = shard.FullPath;
        string where = row is long r ? $" near row {r}" : "";
        string message = e switch
        {
            FileNotFoundException or DirectoryNotFoundException =>
                $"{path}: the file disappeared while the run was using it ({e.Message}). Restore it and run again.",
            UnauthorizedAccessException =>
                $"{path}: permission denied ({e.Message}). Make the file readable and run again.",
            _ => $"{path}: not a readable Parquet file{where}: {e.Message} " +
                "The file may be truncated or corrupt; re-copy it or remove it from the input.",
        };
        return new ShardReadException(path, row, message, e);
    }
}
