using Dedup.Engine.IO;
using Dedup.Engine.Reporting;

namespace Dedup.Engine.Pipeline;

/// <summary>Reads a finished run's input documents again, with the run's own text and id fields.</summary>
public static class RunInputs
{
    public delegate void DocumentVisitor(string id, ReadOnlySpan<byte> text);

    /// <summary>Visits every document the run signed, in (shard, row) order.</summary>
    public static void ForEach(RunReport report, DocumentVisitor visit)
    {
        var options = new ReaderOptions(report.Parameters.TextFields, report.Parameters.IdField);
        foreach (var shard in ShardDiscovery.Discover(report.Inputs.Paths))
        {
            using var reader = ShardReaders.Open(shard, options);
            while (reader.Read())
            {
                if (reader.Status is RecordStatus.Ok or RecordStatus.Repaired)
                {
                    visit(reader.Id, reader.Text);
                }
            }
        }
    }
}
