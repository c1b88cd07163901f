namespace Dedup.Engine.IO;

/// <summary>Creates the reader that fits a shard's format.</summary>
public static class ShardReaders
{
    /// <summary>
    /// Opens <paramref name="shard"/> lazily: nothing is read until the first <see cref="IShardReader.Read"/>,
    /// which is where every data error surfaces as a <see cref="ShardReadException"/>.
    /// </summary>
    public static IShardReader Open(Shard shard, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(shard);
        Validate(options);
        return shard.Format switch
        {
            ShardFormat.Jsonl => new JsonlShardReader(shard, options),
            ShardFormat.Parquet => new ParquetShardReader(shard, options),
            _ => throw new ArgumentOutOfRangeException(nameof(shard), shard.Format, "unknown shard format"),
        };
    }

    internal static void Validate(ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The JSONL parser tracks text fields in a 64-bit mask.
        if (options.TextFields is not { Count: > 0 and <= 64 } || options.TextFields.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("between 1 and 64 non-empty text field names are required", nameof(options));
        }

        if (string.IsNullOrEmpty(options.IdField))
        {
            throw new ArgumentException("the id field name must not be empty", nameof(options));
        }
    }
}
