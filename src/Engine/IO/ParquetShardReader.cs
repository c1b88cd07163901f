using System.Text;
using Dedup.Engine.Plan;
using Parquet;

namespace Dedup.Engine.IO;

/// <summary>
/// Reads a Parquet shard one row group at a time: the text and id columns of the current group are the only
/// data held, so memory is bounded by the largest row group's columns, not by the file.
/// </summary>
internal sealed class ParquetShardReader(Shard shard, ReaderOptions options) : IShardReader
{
    private FileStream? file;
    private ParquetReader? parquet;
    private FlatColumn<ReadOnlyMemory<char>>[] texts = [];
    private ParquetScalarColumn? idColumn;
    private ParquetScalarColumn? keyColumn;
    private int group = -1;
    private int groupRows;
    private int groupRow;
    private long groupFirstRow;
    private bool done;
    private ulong? contentHash;
    private byte[] text = new byte[4096];
    private int textLength;
    private string? id;

    public long Row { get; private set; } = -1;

    public RecordStatus Status { get; private set; }

    public string? Problem { get; private set; }

    public long FileBytesRead => done ? shard.Length : file?.Position ?? 0;

    /// <summary>Parquet is read out of order (footer first, then column chunks), so its hash is one more sequential read at the end.</summary>
    public ulong ContentHash => contentHash ?? throw new InvalidOperationException($"{shard.FullPath}: the content hash is known only once the shard has been read to its end");

    public string Id => id ??= idColumn?.Get(groupRow) ?? $"{shard.RelativePath}:{Row}";

    public string? Key => keyColumn?.Get(groupRow);

    public ReadOnlySpan<byte> Text => Status is RecordStatus.Ok or RecordStatus.Repaired ? text.AsSpan(0, textLength) : default;

    public bool Read()
    {
        if (done)
        {
            return false;
        }

        id = null;
        try
        {
            if (parquet is null)
            {
                Open();
            }

            while (groupRow + 1 >= groupRows)
            {
                if (group + 1 >= parquet!.RowGroupCount)
                {
                    done = true;
                    Dispose();
                    contentHash = ContentHashingStream.OfFile(shard.FullPath);
                    return false;
                }

                LoadGroup(group + 1);
            }
        }
        catch (ShardReadException)
        {
            done = true;
            Dispose();
            throw;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // Parquet.Net reports damage with many exception types (format, thrift, index and cast errors), so
            // anything but our own and resource exhaustion is treated as damage of this file.
            done = true;
            Dispose();
            throw ShardErrors.Parquet(shard, group < 0 ? null : groupFirstRow, e);
        }

        groupRow++;
        Row = groupFirstRow + groupRow;
        Evaluate();
        return true;
    }

    private void Open()
    {
        // Parquet.Net's gzip codec decompresses through GZipStream too.
        file = new FileStream(shard.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, MemoryBudget.SmallBufferBytes, FileOptions.RandomAccess);
        parquet = ParquetFooter.Open(file);
        var schema = parquet.Schema;
        texts = [.. options.TextFields.Select(name => new FlatColumn<ReadOnlyMemory<char>>(ParquetColumns.Text(schema, name, shard)))];
        var idField = ParquetColumns.Scalar(schema, options.IdField);
        idColumn = idField is null ? null : ParquetScalarColumn.Create(idField);
        var keyField = options.KeyField is null ? null : ParquetColumns.Scalar(schema, options.KeyField);
        keyColumn = keyField is null ? null : ParquetScalarColumn.Create(keyField);
    }

    private void LoadGroup(int index)
    {
        groupFirstRow += groupRows;
        group = index;
        groupRow = -1;
        groupRows = 0;
        var reader = parquet!.OpenRowGroupReader(index);
        int rows = checked((int)reader.RowCount);
        foreach (var column in texts)
        {
            SyncOver.Wait(column.LoadAsync(reader, rows));
        }

        foreach (var column in new[] { idColumn, keyColumn })
        {
            if (column is not null)
            {
                SyncOver.Wait(column.LoadAsync(reader, rows));
            }
        }

        groupRows = rows;
    }

    private void Evaluate()
    {
        textLength = 0;
        long capacity = 0;
        foreach (var column in texts)
        {
            if (!column.TryGet(groupRow, out var value))
            {
                Set(RecordStatus.MissingText, $"field '{column.Field.Name}' is null");
                return;
            }

            capacity += Encoding.UTF8.GetByteCount(value.Span) + 1;
        }

        if (capacity - 1 > options.MaxRecordBytes)
        {
            // The row group already holds the value; not copying it keeps this reader from doubling it.
            Set(RecordStatus.TooLarge, options.TooLargeProblem);
            return;
        }

        if (text.Length < capacity)
        {
            text = new byte[Math.Max((int)capacity, (int)Math.Min(text.Length * 2L, Array.MaxLength))];
        }

        bool allEmpty = true;
        for (int i = 0; i < texts.Length; i++)
        {
            if (i > 0)
            {
                text[textLength++] = (byte)'\n';
            }

            texts[i].TryGet(groupRow, out var value);
            allEmpty &= value.IsEmpty;
            textLength += Encoding.UTF8.GetBytes(value.Span, text.AsSpan(textLength));
        }

        if (allEmpty)
        {
            textLength = 0;
            Set(RecordStatus.EmptyText, texts.Length == 1
                ? $"field '{texts[0].Field.Name}' is an empty string"
                : $"fields {string.Join(", ", texts.Select(t => $"'{t.Field.Name}'"))} are all empty strings");
            return;
        }

        Set(RecordStatus.Ok, null);
    }

    private void Set(RecordStatus status, string? problem)
    {
        Status = status;
        Problem = problem;
    }

    public void Dispose()
    {
        done = true;
        foreach (var column in texts)
        {
            column.Release();
        }

        if (parquet is not null)
        {
            SyncOver.Wait(parquet.DisposeAsync());
            parquet = null;
        }

        file?.Dispose();
        file = null;
    }
}
