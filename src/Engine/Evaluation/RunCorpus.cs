using Dedup.Engine.Reporting;

namespace Dedup.Engine.Evaluation;

/// <summary>
/// The documents a run signed, read again from its inputs with its own text and id fields: their
/// ids (the documents eval scores) and the engine's shingle sets of the ones that are needed.
/// </summary>
internal sealed class RunCorpus
{
    /// <summary>Text shingled per parallel batch: bounds the text held in memory at once.</summary>
    private const long BatchBytes = 32 << 20;

    private readonly HashSet<string> members;

    private RunCorpus(List<string> ids, Dictionary<string, uint[]> shingles)
    {
        Ids = ids;
        members = new HashSet<string>(ids, StringComparer.Ordinal);
        Shingles = shingles;
    }

    /// <summary>The documents scored, in (shard, row) order.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Ascending distinct shingle values of the documents that were asked for.</summary>
    public IReadOnlyDictionary<string, uint[]> Shingles { get; }

    public bool Contains(string id) => members.Contains(id);

    /// <summary>Every signed document; shingle sets for those <paramref name="wanted"/> accepts.</summary>
    public static RunCorpus Read(RunReport report, Func<string, bool> wanted)
    {
        var ids = new List<string>();
        var shingles = new Dictionary<string, uint[]>(StringComparer.Ordinal);
        var batch = new ShingleBatch(report.Parameters.ShingleSize, shingles);
        RunInputs.ForEach(report, (id, text) =>
        {
            ids.Add(id);
            if (wanted(id))
            {
                batch.Add(id, text);
            }
        });
        batch.Flush();
        return new RunCorpus(ids, shingles);
    }

    /// <summary>
    /// <paramref name="size"/> signed documents drawn uniformly at random (reservoir sampling, one
    /// pass, <paramref name="seed"/> fixed so a sample can be drawn again), all with shingle sets.
    /// </summary>
    public static RunCorpus Sample(RunReport report, int size, int seed)
    {
        var random = new Random(seed);
        var reservoir = new List<(long Index, string Id, byte[] Text)>(size);
        long seen = 0;
        RunInputs.ForEach(report, (id, text) =>
        {
            if (reservoir.Count < size)
            {
                reservoir.Add((seen, id, text.ToArray()));
            }
            else
            {
                long slot = random.NextInt64(seen + 1);
                if (slot < size)
                {
                    reservoir[(int)slot] = (seen, id, text.ToArray());
                }
            }

            seen++;
        });

        reservoir.Sort((a, b) => a.Index.CompareTo(b.Index));
        var shingles = new Dictionary<string, uint[]>(StringComparer.Ordinal);
        var batch = new ShingleBatch(report.Parameters.ShingleSize, shingles);
        foreach (var (_, id, text) in reservoir)
        {
            batch.Add(id, text);
        }

        batch.Flush();
        return new RunCorpus(reservoir.Select(r => r.Id).ToList(), shingles);
    }

    /// <summary>Collects documents and shingles them in parallel, a bounded batch at a time.</summary>
    private sealed class ShingleBatch(int shingleSize, Dictionary<string, uint[]> into)
    {
        private readonly List<(string Id, byte[] Text)> pending = [];
        private long bytes;

        public void Add(string id, ReadOnlySpan<byte> text)
        {
            pending.Add((id, text.ToArray()));
            bytes += text.Length;
            if (bytes >= BatchBytes)
            {
                Flush();
            }
        }

        public void Flush()
        {
            var sets = new uint[pending.Count][];
            Parallel.For(0, pending.Count, i => sets[i] = EngineShingles.Set(pending[i].Text, shingleSize));
            for (int i = 0; i < sets.Length; i++)
            {
                into[pending[i].Id] = sets[i];
            }

            pending.Clear();
            bytes = 0;
        }
    }
}
