namespace Dedup.Engine.IO;

/// <summary>What a format writer copied: the rows written, and the content hash of the input it read.</summary>
internal readonly record struct CopiedShard(long Rows, ulong ContentHash);

/// <summary>Writes the filtered copy of a shard: every row except the removed ones, in the shard's own format.</summary>
public static class ShardFilter
{
    /// <summary>
    /// Copies <paramref name="shard"/> to <paramref name="outputPath"/> leaving out <paramref name="removedRows"/>
    /// (0-based, strictly ascending, enumerated once as the copy goes), in the same format and compression. JSONL rows are copied as raw bytes
    /// (invalid and blank lines included, and the final newline state); Parquet keeps the schema and every column.
    /// Creates parent folders; the file appears only when complete. Returns the number of rows written.
    /// Throws <see cref="ShardReadException"/> when the input cannot be read, <see cref="InputException"/> when
    /// its bytes are not those <paramref name="expectedContentHash"/> says (then nothing appears), and
    /// <see cref="ArgumentException"/> when the removed rows are not ascending or lie beyond the end of the shard.
    /// </summary>
    /// <param name="compression">The level a compressed JSONL output is written at.</param>
    /// <param name="expectedContentHash">The shard's content hash when its rows were chosen (<see cref="ContentHashingStream"/>); null to copy unchecked.</param>
    /// <param name="threads">Threads that may compress blocks of a gzip or zstd output at once; its bytes are the same whatever the number.</param>
    /// <param name="copied">Called as the copy goes (every few thousand rows, or row group) with the rows and the bytes of the shard file passed since the last call; the bytes add up to the shard's length.</param>
    public static long Write(Shard shard, string outputPath, IEnumerable<long> removedRows, OutputCompression compression, ulong? expectedContentHash, int threads = 1, Action<long, long>? copied = null)
    {
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        ArgumentNullException.ThrowIfNull(removedRows);
        ArgumentNullException.ThrowIfNull(compression);

        var fullPath = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        return DurableFile.Write(fullPath, output =>
        {
            using var removed = new RemovedRowCursor(removedRows);
            var copy = shard.Format switch
            {
                ShardFormat.Jsonl => JsonlShardFilter.Write(shard, output, removed, compression, threads, new CopyProgress(shard, copied)),
                ShardFormat.Parquet => ParquetShardFilter.Write(shard, output, removed, new CopyProgress(shard, copied)),
                _ => throw new ArgumentOutOfRangeException(nameof(shard), shard.Format, "unknown shard format"),
            };
            if (expectedContentHash is ulong expected && copy.ContentHash != expected)
            {
                // Thrown before DurableFile renames: the copy of another version of the shard never appears.
                throw new InputException(
                    $"{shard.FullPath}: the shard changed after its documents were signed (content hash {ContentHashingStream.Format(expected)} then, "
                    + $"{ContentHashingStream.Format(copy.ContentHash)} now), so the rows chosen for removal would be other rows. Nothing was written for it; "
                    + "inputs must not change during a run: restore the shard, or plan again into a new run folder.");
            }

            return copy.Rows;
        });
    }
}
