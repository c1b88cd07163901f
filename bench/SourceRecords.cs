using Dedup.Engine.IO;

namespace Dedup.Bench;

/// <summary>The signable records of a corpus, read with the engine's own discovery and readers.</summary>
public static class SourceRecords
{
    public const string DefaultCorpus = "../shared/data/devmix/shards";

    /// <summary>
    /// Every record with text (status Ok or Repaired), in the engine's shard and row order. The readers expose
    /// only a text and an id field, so <c>src</c> is read as the id field: a record without one gets the
    /// reader's "&lt;relative path&gt;:&lt;row&gt;" instead.
    /// </summary>
    public static IEnumerable<SourceRecord> Read(string corpus)
    {
        var options = new ReaderOptions(["text"], "src");
        foreach (var shard in ShardDiscovery.Discover([corpus]))
        {
            using var reader = ShardReaders.Open(shard, options);
            while (reader.Read())
            {
                if (reader.Status is RecordStatus.Ok or RecordStatus.Repaired)
                {
                    yield return new SourceRecord(reader.Text.ToArray(), reader.Id);
                }
            }
        }
    }
}
