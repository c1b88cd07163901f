namespace Dedup.Engine.IO;

/// <summary>Copies the kept lines of a JSONL shard byte for byte (after decompression), recompressing as the input was.</summary>
internal static class JsonlShardFilter
{
    private const int RowsPerStep = 4096;

    /// <summary>A longer line is copied in pieces of about this size, never held whole.</summary>
    private const int LinePieceBytes = 4 << 20;

    /// <param name="threads">Threads that may compress blocks of the output at once (<see cref="BlockCompressingStream"/>).</param>
    public static CopiedShard Write(Shard shard, Stream outputFile, RemovedRowCursor removed, OutputCompression compression, int threads, CopyProgress progress)
    {
        long row = 0;
        long written = 0;
        ContentHashingStream? file = null;
        using var input = Guard(shard, row, () => ShardStreams.OpenRead(shard.FullPath, shard.Compression, out file));
        var lines = new LineReader(input, LinePieceBytes);
        using var compressed = shard.Compression == Compression.None ? null : compression.Compress(outputFile, shard.Compression, threads);
        var output = (Stream?)compressed ?? outputFile;
        while (Guard(shard, row, lines.ReadLine))
        {
            if (!removed.Take(row))
            {
                output.Write(lines.Line);
                if (lines.IsPartial)
                {
                    Guard(shard, row, () =>
                    {
                        lines.CopyRest(output);
                        return true;
                    });
                }

                if (lines.HadNewline)
                {
                    output.WriteByte((byte)'\n');
                }

                written++;
            }

            if (++row % RowsPerStep == 0)
            {
                progress.To(row, file!.Position);
            }
        }

        compressed?.Finish();
        ShardStreams.CompleteEmpty(outputFile, shard.Compression);
        removed.CheckAllTaken(shard, row);
        progress.End(row);
        return new CopiedShard(written, file!.Finish());
    }

    /// <summary>Input failures name the shard; output failures (a full disk) stay plain I/O errors.</summary>
    private static T Guard<T>(Shard shard, long row, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (ShardErrors.IsDataError(e))
        {
            throw ShardErrors.Jsonl(shard, row, e);
        }
    }
}
