using Dedup.Engine.IO;

namespace Dedup.Engine.Reporting;

/// <summary>
/// Reads a finished run's input documents again, with the run's own text and id fields (eval and
/// inspect). Both match documents by id, so the inputs must be unchanged and the ids unique.
/// </summary>
public static class RunInputs
{
    public delegate void DocumentVisitor(string id, ReadOnlySpan<byte> text);

    /// <summary>Visits every document the run signed, in (shard, row) order.</summary>
    public static void ForEach(RunReport report, DocumentVisitor visit)
    {
        var shards = ShardDiscovery.Discover(report.Inputs.Paths);
        CheckUnchanged(shards, report);
        var options = report.Parameters.ReaderOptions;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            using var reader = ShardReaders.Open(shard, options);
            while (reader.Read())
            {
                if (!RecordTally.IsSigned(reader.Status))
                {
                    continue;
                }

                string id = reader.Id;
                if (!ids.Add(id))
                {
                    throw new InputException(
                        $"{shard.FullPath} row {reader.Row}: id '{MessageText.Safe(id)}' occurs twice in the run's inputs (report.json's repeated_ids counts {report.RepeatedIds?.Documents ?? 0:N0} such documents). Documents are matched by id; " +
                        "run again with an --id-field that is unique (or none, to name rows by file and row).");
                }

                visit(id, reader.Text);
            }

            CheckContent(shard, reader.ContentHash, report);
        }
    }

    /// <summary>The sizes match, but a reordered or edited shard of the same size would give other texts under the same ids.</summary>
    private static void CheckContent(Shard shard, ulong contentHash, RunReport report)
    {
        string signed = report.Inputs.Shards.Single(s => s.Path == shard.RelativePath).ContentHash;
        if (ContentHashingStream.Format(contentHash) != signed)
        {
            throw new InputException(
                $"{shard.FullPath}: the shard changed after the run signed it (content hash {signed} then, {ContentHashingStream.Format(contentHash)} now). "
                + "The texts are read again from the inputs as they were when the run was made; restore the shard, or run again.");
        }
    }

    private static void CheckUnchanged(IReadOnlyList<Shard> shards, RunReport report)
    {
        var then = report.Inputs.Shards.Select(s => $"{s.Path} ({s.FileBytes} bytes)");
        var now = shards.Select(s => $"{s.RelativePath} ({s.Length} bytes)");
        var changed = then.Except(now).Concat(now.Except(then)).ToList();
        if (changed.Count > 0)
        {
            throw new InputException(
                $"The run's inputs ({string.Join(", ", report.Inputs.Paths)}) are not the shards report.json lists: {string.Join(", ", changed.Take(4))} differ. " +
                "The texts are read again from the inputs as they were when the run was made; leave them unchanged.");
        }
    }
}
