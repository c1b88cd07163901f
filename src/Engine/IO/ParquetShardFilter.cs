using System.IO.Compression;
using Dedup.Engine.Plan;
using Parquet;
using Parquet.Schema;

namespace Dedup.Engine.IO;

/// <summary>
/// Copies the kept rows of a Parquet shard with the same schema, custom metadata and codec, one column of one
/// row group at a time. Row groups keep their boundaries (they may shrink); emptied ones are left out.
/// </summary>
internal static class ParquetShardFilter
{
    public static CopiedShard Write(Shard shard, Stream output, RemovedRowCursor removedRows, CopyProgress progress)
    {
        long? groupFirstRow = null;
        FileStream? input = null;
        ParquetReader? reader = null;
        ParquetSchema schema;
        try
        {
            input = new FileStream(shard.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, MemoryBudget.SmallBufferBytes, FileOptions.RandomAccess);
            reader = ParquetFooter.Open(input);
            // Parquet.Net decodes the schema on first use: a damaged one (a root without fields) throws here.
            schema = reader.Schema;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            input?.Dispose();
            throw ShardErrors.Parquet(shard, groupFirstRow, e);
        }

        using (input)
        {
            var columns = schema.DataFields.Select(ParquetColumnCopier.Create).ToArray();
            // Optimal rather than Parquet.Net's default SmallestSize: that level makes gzip and zstd several
            // times slower for a small gain, and filtering rewrites whole corpora.
            var writeOptions = new ParquetOptions { CompressionMethod = ParquetColumns.Codec(reader), CompressionLevel = CompressionLevel.Optimal };
            var writer = SyncOver.Wait(ParquetWriter.CreateAsync(schema, output, writeOptions));
            long first = 0;
            long written = 0;
            bool[] removed = [];
            if (reader.CustomMetadata.Count > 0)
            {
                writer.CustomMetadata = reader.CustomMetadata;
            }

            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                groupFirstRow = first;
                var group = reader.OpenRowGroupReader(g);
                int rows = checked((int)group.RowCount);
                int removedHere = MarkRemoved(removedRows, first, rows, ref removed);
                if (removedHere < rows)
                {
                    using var groupWriter = writer.CreateRowGroup();
                    foreach (var column in columns)
                    {
                        try
                        {
                            SyncOver.Wait(column.LoadAsync(group));
                        }
                        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
                        {
                            throw ShardErrors.Parquet(shard, groupFirstRow, e);
                        }

                        SyncOver.Wait(column.WriteAsync(groupWriter, removedHere > 0 ? removed : null));
                    }

                    groupWriter.CompleteValidate();
                    written += rows - removedHere;
                }

                first += rows;
                progress.To(first, input.Position);
            }

            // Only on success: the footer is written here. On failure the output stream is simply closed and the
            // partial file deleted by the caller; the writer holds nothing else.
            SyncOver.Wait(writer.DisposeAsync());
            SyncOver.Wait(reader.DisposeAsync());
            removedRows.CheckAllTaken(shard, first);
            progress.End(first);
            return new CopiedShard(written, ContentHashingStream.OfFile(shard.FullPath));
        }
    }

    /// <summary>Sets removed[i] for the removed rows of the group starting at <paramref name="first"/>; returns their count.</summary>
    private static int MarkRemoved(RemovedRowCursor removedRows, long first, int rows, ref bool[] removed)
    {
        if (!removedRows.Any || removedRows.Next >= first + rows)
        {
            return 0;
        }

        if (removed.Length < rows)
        {
            removed = new bool[rows];
        }

        Array.Clear(removed);
        var marks = removed;
        return removedRows.TakeBelow(first + rows, row => marks[row - first] = true);
    }
}
