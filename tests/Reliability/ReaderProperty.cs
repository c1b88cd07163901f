using System.IO.Compression;
using System.IO.Hashing;
using System.Text.Unicode;
using Dedup.Engine.IO;
using ZstdSharp;

namespace Dedup.Reliability;

/// <summary>
/// What the readers (<see cref="ShardReaders"/>) must do with any shard file, valid or damaged: end in time
/// with the rows or with a documented exception; visit every row once, in order, each with a consistent
/// status; on a completed read of JSONL, give one row per line; on a generated shard, give each row what
/// its generator says; hash the file's exact bytes; and leave the file as it was.
/// </summary>
public static class ReaderProperty
{
    /// <summary>A case takes milliseconds; 5 s tells a hang from a machine busy with other tests (2 s failed a 162 KB shard once, under a kill soak beside the suite).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Checks <paramref name="sample"/> written into <paramref name="folder"/>; returns how the read ended, for the counts.</summary>
    public static string Check(ShardSample sample, string folder)
    {
        string path = sample.WriteTo(folder, "shard");
        var before = InputFiles.Hashes(folder);
        var readout = ShardReadout.Of(path, Timeout);
        InputFiles.Unchanged(folder, before, "reading");
        CheckRows(readout);
        if (readout.Completed)
        {
            PropertyViolation.Unless(readout.ContentHash == XxHash3.HashToUInt64(sample.Bytes), "the content hash of a completed read is not the XXH3 of the file's bytes");
            if (readout.Shard.Format == ShardFormat.Jsonl && Decompressed(sample) is { } text)
            {
                long lines = LineCount(text);
                PropertyViolation.Unless(readout.Rows.Count == lines, $"a completed read gave {readout.Rows.Count} rows for {lines} lines");
            }
        }

        if (sample.Expected is { } expected)
        {
            CheckExpected(readout, expected);
        }

        return readout.Completed ? "read to the end" : readout.Error!.GetType().Name;
    }

    /// <summary>Rows numbered 0, 1, 2...; text only on Ok and Repaired rows, then non-empty, valid UTF-8; a problem on every other row, safe to print.</summary>
    public static void CheckRows(ShardReadout readout)
    {
        for (int i = 0; i < readout.Rows.Count; i++)
        {
            var row = readout.Rows[i];
            PropertyViolation.Unless(row.Row == i, $"the {i}th row read is numbered {row.Row}");
            bool hasText = row.Status is RecordStatus.Ok or RecordStatus.Repaired;
            PropertyViolation.Unless(hasText == (row.Text.Length > 0), $"row {i} ({row.Status}) has {row.Text.Length} bytes of text");
            PropertyViolation.Unless(Utf8.IsValid(row.Text), $"row {i} ({row.Status}) has text that is not valid UTF-8");
            PropertyViolation.Unless((row.Status == RecordStatus.Ok) == (row.Problem is null), $"row {i} is {row.Status} with problem '{row.Problem}'");
            if (row.Problem is { } problem)
            {
                PropertyViolation.Unless(problem.Length <= MessageText.MessageChars && !problem.Any(char.IsControl), $"row {i}'s problem is {problem.Length} characters or holds control characters: {MessageText.Safe(problem)}");
            }
        }
    }

    private static void CheckExpected(ShardReadout readout, IReadOnlyList<ExpectedRow> expected)
    {
        PropertyViolation.Unless(readout.Completed, $"a generated shard failed to read: {readout.Error?.Message}");
        PropertyViolation.Unless(readout.Rows.Count == expected.Count, $"a generated shard of {expected.Count} rows read as {readout.Rows.Count}");
        for (int i = 0; i < expected.Count; i++)
        {
            var (row, want) = (readout.Rows[i], expected[i]);
            PropertyViolation.Unless(want.Status is null || row.Status == want.Status, $"row {i} is {row.Status}, not {want.Status} ({row.Problem})");
            PropertyViolation.Unless(want.Id is null || row.Id == want.Id, $"row {i} has id '{row.Id}', not '{want.Id}'");
            PropertyViolation.Unless(want.Text is null || row.Text.AsSpan().SequenceEqual(want.Text), $"row {i}'s text is not the record's ({row.Text.Length} bytes, not {want.Text?.Length})");
        }
    }

    /// <summary>The JSONL text of the sample, decompressed independently of the engine; null where that fails (the reader must have failed too, or read what it could).</summary>
    private static byte[]? Decompressed(ShardSample sample)
    {
        try
        {
            using Stream packed = new MemoryStream(sample.Bytes);
            using Stream text = sample.Suffix switch
            {
                ".jsonl.gz" => new GZipStream(packed, CompressionMode.Decompress),
                ".jsonl.zst" => new DecompressionStream(packed),
                _ => packed,
            };
            using var copy = new MemoryStream();
            text.CopyTo(copy);
            return copy.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or ZstdException or IOException)
        {
            return null;
        }
    }

    /// <summary>Lines as the readers count them: one per '\n', plus a last one without it.</summary>
    private static long LineCount(byte[] text) =>
        text.AsSpan().Count((byte)'\n') + (text.Length > 0 && text[^1] != (byte)'\n' ? 1 : 0);
}
