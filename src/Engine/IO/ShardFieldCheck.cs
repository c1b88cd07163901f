using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Dedup.Engine.Plan;

namespace Dedup.Engine.IO;

/// <summary>
/// Checks, before a run writes anything, that the fields it is told to read are in the shards: each text
/// field, and the id field when one was named, must be a column of every Parquet shard and a field of some
/// record among the first ones of every JSONL shard. A misspelt field would otherwise count every record
/// as one without text and copy the corpus unchanged. Only the head of each shard is read.
/// </summary>
public static class ShardFieldCheck
{
    /// <summary>A JSONL shard's head: its first this many records, or fewer when they fill <see cref="HeadBytes"/>.</summary>
    public const int HeadRecords = 1000;

    /// <summary>The most (decompressed) bytes of a JSONL shard read; a record cut there still shows the fields before the cut.</summary>
    public const int HeadBytes = 4 << 20;

    private const int ChunkBytes = 64 << 10;

    /// <summary>Throws an <see cref="InputException"/> for the first shard, in order, that lacks one of the fields.</summary>
    /// <param name="idField">The id field, or null when it was not named (a default id field may be absent).</param>
    public static void Check(IReadOnlyList<Shard> shards, IReadOnlyList<string> textFields, string? idField)
    {
        var wanted = textFields.Select(field => (Option: "--text-field", Field: field)).ToList();
        if (idField is not null)
        {
            wanted.Add(("--id-field", idField));
        }

        // A corpus may have thousands of shards, so their heads are read in parallel.
        var failures = new ExceptionDispatchInfo?[shards.Count];
        Parallel.For(0, shards.Count, i =>
        {
            try
            {
                CheckShard(shards[i], wanted);
            }
            catch (Exception e)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }
        });
        failures.FirstOrDefault(f => f is not null)?.Throw();
    }

    private static void CheckShard(Shard shard, IReadOnlyList<(string Option, string Field)> wanted)
    {
        // Records: null for Parquet, whose columns say it all; 0 for a shard with no records to go by.
        var (names, records) = shard.Format == ShardFormat.Parquet ? (ColumnNames(shard), (int?)null) : RecordFieldNames(shard);
        var (option, field) = wanted.FirstOrDefault(w => !names.Contains(w.Field, StringComparer.Ordinal));
        if (field is null || records == 0)
        {
            return;
        }

        string where = records switch
        {
            null => $"no such column (its columns: {FieldNames.List(names)})",
            1 => $"no such field in its first record (its fields: {FieldNames.List(names)})",
            _ => $"no such field in its first {records:N0} records (their fields: {FieldNames.List(names)})",
        };
        string advice = option == "--id-field"
            ? "Give the field that names the documents, or leave --id-field out to name them by file and row"
            : "Give the field that holds the text";
        throw new InputException($"{option} {field}: {shard.FullPath}: {where}. {advice}; names are case-sensitive.");
    }

    /// <summary>The columns of a Parquet shard, from its footer.</summary>
    private static IReadOnlyList<string> ColumnNames(Shard shard)
    {
        try
        {
            using var file = new FileStream(shard.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, MemoryBudget.SmallBufferBytes, FileOptions.RandomAccess);
            var parquet = ParquetFooter.Open(file);
            var names = parquet.Schema.Fields.Select(f => f.Name).ToList();
            SyncOver.Wait(parquet.DisposeAsync());
            return names;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // As in the reader: Parquet.Net reports a damaged file with many exception types.
            throw ShardErrors.Parquet(shard, null, e);
        }
    }

    /// <summary>The top-level field names of a JSONL shard's head, in order of appearance, and how many records (JSON objects) it holds.</summary>
    private static (IReadOnlyList<string> Names, int? Records) RecordFieldNames(Shard shard)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        byte[] head = ArrayPool<byte>.Shared.Rent(HeadBytes);
        int records = 0, lines = 0;
        try
        {
            using var stream = ShardStreams.OpenRead(shard.FullPath, shard.Compression, out _);
            int length = 0, lineStart = 0, read;
            while (records < HeadRecords && length < HeadBytes && (read = stream.Read(head, length, Math.Min(ChunkBytes, HeadBytes - length))) > 0)
            {
                length += read;
                int newline;
                while (records < HeadRecords && (newline = head.AsSpan(lineStart, length - lineStart).IndexOf((byte)'\n')) >= 0)
                {
                    records += AddNames(head.AsSpan(lineStart, newline), names, seen);
                    lineStart += newline + 1;
                    lines++;
                }
            }

            if (records < HeadRecords && lineStart < length)
            {
                // The last line of the file without its newline, or a line cut at the end of the head.
                records += AddNames(head.AsSpan(lineStart, length - lineStart), names, seen);
            }
        }
        catch (Exception e) when (ShardErrors.IsDataError(e))
        {
            throw ShardErrors.Jsonl(shard, lines, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }

        return (names, records);
    }

    /// <summary>Adds the top-level field names of one line; returns 1 when the line is a record (starts a JSON object), else 0.</summary>
    private static int AddNames(ReadOnlySpan<byte> line, List<string> names, HashSet<string> seen)
    {
        if (line.StartsWith(JsonLineParser.ByteOrderMark))
        {
            line = line[3..];
        }

        // Not the final block: a line cut at the end of the head yields the names before the cut, not an error.
        var reader = new Utf8JsonReader(line, isFinalBlock: false, new JsonReaderState(JsonLineParser.JsonOptions));
        bool record = false;
        try
        {
            record = reader.Read() && reader.TokenType == JsonTokenType.StartObject;
            while (record && reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.GetString() is { } name && seen.Add(name))
                {
                    names.Add(name);
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Invalid JSON or UTF-8 further on: the names before it still count.
        }

        return record ? 1 : 0;
    }
}
