using Dedup.Engine.IO;

namespace Dedup.Reliability;

/// <summary>
/// What <see cref="ShardFilter.Write"/> must do with any shard: end in time with the copy or with a
/// documented exception; refuse a content hash that is not the shard's; on success write exactly the rows
/// that were not removed, each as it was (status, text and id as the reader reads them back), and nothing
/// else; on failure leave nothing behind; never change the input.
/// </summary>
public static class FilterProperty
{
    /// <summary>A case takes milliseconds; 5 s tells a hang from a machine busy with other tests (2 s failed a 162 KB shard once, under a kill soak beside the suite).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Checks <paramref name="test"/> in <paramref name="folder"/>; returns how the copy ended, for the counts.</summary>
    public static string Check(FilterCase test, string folder)
    {
        string input = test.Shard.WriteTo(Path.Combine(folder, "in"), "shard");
        string outputFolder = Path.Combine(folder, "out");
        string output = Path.Combine(outputFolder, Path.GetFileName(input));
        var before = InputFiles.Hashes(Path.Combine(folder, "in"));
        var readout = ShardReadout.Of(input, Timeout);
        var removed = test.RemovedRows(readout.Rows.Count);
        // A read that failed has no hash to get wrong: the filter copies unchecked, and must fail as the read did.
        bool wrongHash = test.WrongHash && readout.ContentHash is not null;
        ulong? hash = wrongHash ? readout.ContentHash ^ 1 : readout.ContentHash;

        var (written, error) = PropertyViolation.Within(Task.Run(() => Filter(readout.Shard, output, removed, hash)), Timeout, "filtering");
        InputFiles.Unchanged(Path.Combine(folder, "in"), before, "the filter");
        if (error is not null)
        {
            PropertyViolation.Unless(error is ShardReadException or InputException, $"the filter threw {error.GetType().Name}, which is not a documented failure: {error}");
            PropertyViolation.Unless(!Directory.Exists(outputFolder) || Directory.GetFileSystemEntries(outputFolder).Length == 0, $"a failed filter left {string.Join(", ", Directory.GetFileSystemEntries(outputFolder))}");
            return error.GetType().Name;
        }

        PropertyViolation.Unless(!wrongHash, "the filter copied a shard whose content hash is not the one given");
        PropertyViolation.Unless(Directory.GetFileSystemEntries(outputFolder).SequenceEqual([output]), $"the output folder holds {string.Join(", ", Directory.GetFileSystemEntries(outputFolder))}, not just {output}");
        // A damaged Parquet page that Parquet.Net decodes anyway can give bytes it never read (pooled memory that
        // other reads left), so two reads of one such file differ (seed filter 9hRUuTBakrR2; docs/RELIABILITY.md):
        // its rows cannot be compared, only everything above checked.
        bool undecidable = test.Shard.Suffix == ".parquet" && test.Shard.Expected is null;
        if (readout.Completed && !undecidable)
        {
            CheckCopy(readout, removed, written, output);
        }

        return "copied";
    }

    private static void CheckCopy(ShardReadout input, long[] removed, long written, string output)
    {
        PropertyViolation.Unless(written == input.Rows.Count - removed.Length, $"the filter wrote {written} rows of {input.Rows.Count} with {removed.Length} removed");
        var copy = ShardReadout.Of(output, Timeout);
        PropertyViolation.Unless(copy.Completed, $"the filter's output does not read: {copy.Error?.Message}");
        ReaderProperty.CheckRows(copy);
        var gone = removed.ToHashSet();
        string[] kept = [.. input.Rows.Where(r => !gone.Contains(r.Row)).Select(r => r.Print(input.Shard.RelativePath))];
        string[] read = [.. copy.Rows.Select(r => r.Print(copy.Shard.RelativePath))];
        int differs = Enumerable.Range(0, Math.Min(kept.Length, read.Length)).FirstOrDefault(i => kept[i] != read[i], -1);
        PropertyViolation.Unless(kept.Length == read.Length && differs < 0, $"the output's rows are not the kept rows of the input: {read.Length} rows for {kept.Length}, first difference at output row {differs}");
    }

    private static (long Written, Exception? Error) Filter(Shard shard, string output, long[] removed, ulong? hash)
    {
        try
        {
            return (ShardFilter.Write(shard, output, removed, OutputCompression.Default, hash), null);
        }
        catch (Exception e)
        {
            return (0, e);
        }
    }
}
