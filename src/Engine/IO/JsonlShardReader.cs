namespace Dedup.Engine.IO;

/// <summary>Reads a JSONL shard (plain, gzip or zstd) line by line; every line is a row, blank ones included.</summary>
internal sealed class JsonlShardReader(Shard shard, ReaderOptions options) : IShardReader
{
    private readonly JsonLineParser parser = new(options);
    private Stream? stream;
    private ContentHashingStream? file;
    private ulong? contentHash;
    private LineReader? lines;
    private bool done;
    private string? id;

    public long Row { get; private set; } = -1;

    public RecordStatus Status => parser.Status;

    public string Id => id ??= parser.GetId($"{shard.RelativePath}:{Row}");

    public string? Key => parser.GetKey();

    public ReadOnlySpan<byte> Text => parser.Status is RecordStatus.Ok or RecordStatus.Repaired ? parser.Text : default;

    public string? Problem => parser.Problem;

    public long FileBytesRead => done ? shard.Length : file?.Position ?? 0;

    public ulong ContentHash => contentHash ?? throw new InvalidOperationException($"{shard.FullPath}: the content hash is known only once the shard has been read to its end");

    public bool Read()
    {
        if (done)
        {
            return false;
        }

        id = null;
        try
        {
            if (lines is null)
            {
                stream = ShardStreams.OpenRead(shard.FullPath, shard.Compression, out file);
                lines = new LineReader(stream, options.MaxRecordBytes);
            }

            if (!lines.ReadLine())
            {
                contentHash = file!.Finish();
                done = true;
                Dispose();
                return false;
            }
        }
        catch (Exception e) when (ShardErrors.IsDataError(e))
        {
            done = true;
            Dispose();
            throw ShardErrors.Jsonl(shard, Row + 1, e);
        }

        Row++;
        if (lines.IsPartial)
        {
            // The rest of the line is skipped, unread into memory, by the next ReadLine.
            parser.SetTooLarge(options.TooLargeProblem);
            return true;
        }

        parser.Parse(lines.Buffer, lines.LineStart, lines.LineLength);
        return true;
    }

    public void Dispose()
    {
        done = true;
        stream?.Dispose();
        stream = null;
    }
}
