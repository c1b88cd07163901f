using Dedup.Kernels.Backends;
using Dedup.Kernels.Signatures;

namespace Dedup.Bench.GpuCheck;

/// <summary>
/// The benchmark's text, generated in memory so that a GPU machine needs no data: mostly
/// English-like words with Chinese, Japanese, Latin-accented, emoji and mixed documents,
/// document lengths long-tailed as in web text, cut into batches as <c>dedup run</c> cuts them.
/// </summary>
public sealed class BenchmarkCorpus
{
    /// <summary>Kinds by percentage of documents; the pieces come from <see cref="RandomDocuments"/>.</summary>
    private static readonly (string Kind, int Weight)[] KindShares =
        [("ascii", 55), ("chinese", 15), ("latin", 10), ("japanese", 5), ("mixed", 8), ("emoji", 3), ("invalid-utf8", 2), ("short", 2)];

    private BenchmarkCorpus(List<DocumentBatch> batches) => Batches = batches;

    public List<DocumentBatch> Batches { get; }

    public int Documents => Batches.Sum(b => b.Count);

    public long Bytes => Batches.Sum(b => (long)b.Length);

    public static BenchmarkCorpus Generate(long bytes, int batchBytes, int seed)
    {
        // Chunks of about 4 MB generated in parallel, each from its own seed: the same corpus on every machine.
        const int ChunkBytes = 4 << 20;
        int chunks = (int)Math.Max(1, (bytes + ChunkBytes - 1) / ChunkBytes);
        var parts = new List<byte[]>[chunks];
        Parallel.For(0, chunks, c =>
        {
            var random = new Random(seed + c);
            long target = Math.Min(ChunkBytes, bytes - ((long)c * ChunkBytes));
            var part = new List<byte[]>();
            for (long made = 0; made < target;)
            {
                var document = Document(random);
                part.Add(document);
                made += document.Length;
            }

            parts[c] = part;
        });

        var batches = new List<DocumentBatch>();
        var pending = new List<byte[]>();
        long pendingBytes = 0;
        foreach (var document in parts.SelectMany(p => p))
        {
            if (pendingBytes + document.Length > batchBytes && pending.Count > 0)
            {
                batches.Add(DocumentBatch.From(pending));
                pending.Clear();
                pendingBytes = 0;
            }

            pending.Add(document);
            pendingBytes += document.Length;
        }

        if (pending.Count > 0)
        {
            batches.Add(DocumentBatch.From(pending));
        }

        return new BenchmarkCorpus(batches);
    }

    /// <summary>The first documents of the first batch, up to <paramref name="bytes"/> (for the slow ILGPU CPU accelerator).</summary>
    public BenchmarkCorpus Slice(long bytes)
    {
        var first = Batches[0];
        int count = 1;
        while (count < first.Count && first.Offsets[count + 1] - first.Offsets[0] <= bytes)
        {
            count++;
        }

        return new BenchmarkCorpus([new DocumentBatch(first.Text, first.Offsets, count)]);
    }

    /// <summary>
    /// One document: a kind, then 1 + a geometric number of pieces of it (mean 4), so most
    /// documents are a few KB and a few are tens of KB.
    /// </summary>
    private static byte[] Document(Random random)
    {
        int pick = random.Next(100);
        int share = 0;
        string kind = KindShares.First(k => pick < (share += k.Weight)).Kind;
        int pieces = 1;
        while (pieces < 64 && random.Next(4) != 0)
        {
            pieces++;
        }

        var text = new List<byte>();
        for (int i = 0; i < pieces; i++)
        {
            text.AddRange(RandomDocuments.Make(kind, random));
            text.Add((byte)'\n');
        }

        return text.ToArray();
    }
}
