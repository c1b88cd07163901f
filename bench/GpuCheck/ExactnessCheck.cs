using System.Text;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Cpu;
using Dedup.Kernels.Signatures;
using Dedup.Tests.Shared;

namespace Dedup.Bench.GpuCheck;

/// <summary>
/// The bit-exactness check of tests/Kernels.Tests/BackendEquivalenceTests, for the devices CI
/// has not got: random documents of every kind (plus long ones) under several parameter sets,
/// each backend's token counts, content hashes, signatures and band keys compared with
/// <see cref="ReferenceSignature"/> and with <see cref="CpuBackend"/>, document by document.
/// </summary>
public sealed class ExactnessCheck
{
    /// <summary>How many mismatches are printed per backend; the rest are only counted.</summary>
    private const int PrintedMismatches = 8;

    /// <summary>Bytes of the long documents: they span thousands of tokenizing chunks and MinHash segments.</summary>
    private static readonly int[] LongDocumentBytes = [64 << 10, 256 << 10, 1 << 20];

    /// <summary>The default layout, one shingle per token, odd sizes that leave a vector tail, and the widest shingles.</summary>
    private static readonly SignatureParameters[] ParameterSets =
    [
        new(shingleSize: 5, permutations: 128, bands: 9, rows: 13, seed: 42),
        new(shingleSize: 1, permutations: 64, bands: 64, rows: 1, seed: 7),
        new(shingleSize: 3, permutations: 100, bands: 20, rows: 5, seed: 7),
        new(shingleSize: 7, permutations: 17, bands: 1, rows: 17, seed: 1),
        new(shingleSize: SignatureParameters.MaxShingleSize, permutations: 256, bands: 32, rows: 8, seed: 3),
    ];

    private readonly List<CheckDocument> documents;

    /// <summary>Per parameter set, per document: the reference's result and the CPU backend's.</summary>
    private readonly List<(DocumentSignature[] Reference, DocumentSignature[] Cpu)> expected = [];

    private ExactnessCheck(List<CheckDocument> documents) => this.documents = documents;

    public static int LongDocuments => LongDocumentBytes.Length;

    public static int ParameterSetCount => ParameterSets.Length;

    public int DocumentCount => documents.Count;

    public long Bytes => documents.Sum(d => (long)d.Text.Length);

    /// <summary>
    /// Generates the documents and computes the reference for each parameter set; the CPU
    /// backend is checked against it on the way (<paramref name="cpuOutcome"/>).
    /// </summary>
    public static ExactnessCheck Prepare(int documentsPerKind, TextWriter log, out CheckOutcome cpuOutcome)
    {
        var documents = new List<CheckDocument>();
        for (int k = 0; k < RandomDocuments.Kinds.Length; k++)
        {
            // Fixed seeds (not string hashes, which .NET randomises per process), so a mismatch reproduces.
            var random = new Random(1000 + k);
            for (int i = 0; i < documentsPerKind; i++)
            {
                documents.Add(new CheckDocument(RandomDocuments.Kinds[k], i, RandomDocuments.Make(RandomDocuments.Kinds[k], random)));
            }
        }

        var longRandom = new Random(999);
        for (int i = 0; i < LongDocumentBytes.Length; i++)
        {
            documents.Add(new CheckDocument("long", i, LongDocument(LongDocumentBytes[i], longRandom)));
        }

        // Kinds interleaved, so that every batch mixes short, long, empty and invalid documents.
        var shuffled = documents.OrderBy(_ => longRandom.Next()).ToList();
        var check = new ExactnessCheck(shuffled);
        var mismatches = new Mismatches("cpu", log);
        foreach (var parameters in ParameterSets)
        {
            var reference = new DocumentSignature[shuffled.Count];
            Parallel.For(0, shuffled.Count, d => reference[d] = ReferenceSignature.Compute(shuffled[d].Text, parameters));
            using var cpu = new CpuBackend(parameters);
            var output = new SignatureBatch(parameters);
            cpu.Compute(DocumentBatch.From(shuffled.Select(d => d.Text).ToList()), output);
            var cpuResults = Enumerable.Range(0, shuffled.Count).Select(d => Extract(output, d)).ToArray();
            for (int d = 0; d < shuffled.Count; d++)
            {
                mismatches.Compare(parameters, shuffled[d], "reference", reference[d], cpuResults[d]);
            }

            check.expected.Add((reference, cpuResults));
        }

        cpuOutcome = mismatches.Outcome(shuffled.Count * ParameterSets.Length, error: null);
        return check;
    }

    /// <summary>
    /// Runs one backend per parameter set on the documents with index below
    /// <paramref name="perKind"/> in their kind (and the first <paramref name="longDocuments"/>
    /// long ones): once as a plain batch and once with the text at a non-zero offset.
    /// </summary>
    public CheckOutcome Run(string label, Func<SignatureParameters, ISignatureBackend> open, int perKind, int longDocuments, TextWriter log)
    {
        var chosen = Enumerable.Range(0, documents.Count)
            .Where(d => documents[d].IndexInKind < (documents[d].Kind == "long" ? longDocuments : perKind))
            .ToList();
        var texts = chosen.Select(d => documents[d].Text).ToList();
        var batch = DocumentBatch.From(texts);
        var shifted = Shift(batch, 13);
        var mismatches = new Mismatches(label, log);
        try
        {
            for (int s = 0; s < ParameterSets.Length; s++)
            {
                var parameters = ParameterSets[s];
                using var backend = open(parameters);
                foreach (var input in new[] { batch, shifted })
                {
                    var output = new SignatureBatch(parameters);
                    backend.Compute(input, output);
                    for (int i = 0; i < chosen.Count; i++)
                    {
                        var actual = Extract(output, i);
                        var document = documents[chosen[i]];
                        mismatches.Compare(parameters, document, "reference", expected[s].Reference[chosen[i]], actual);
                        mismatches.Compare(parameters, document, "cpu", expected[s].Cpu[chosen[i]], actual);
                    }
                }
            }
        }
        catch (Exception e)
        {
            log.WriteLine($"  {label}: {e.GetType().Name}: {e.Message}");
            return mismatches.Outcome(chosen.Count * ParameterSets.Length * 2, $"{e.GetType().Name}: {e.Message}");
        }

        return mismatches.Outcome(chosen.Count * ParameterSets.Length * 2, error: null);
    }

    private static DocumentSignature Extract(SignatureBatch output, int d) =>
        new(output.Signature(d).ToArray(), output.DocumentBandKeys(d).ToArray(), output.ContentHash(d), output.TokenCounts[d]);

    /// <summary>The same documents behind <paramref name="by"/> invalid bytes: the kernels must use offsets relative to the first.</summary>
    private static DocumentBatch Shift(DocumentBatch batch, int by)
    {
        var text = new byte[batch.Text.Length + by];
        text.AsSpan(0, by).Fill(0xFF);
        batch.Text.CopyTo(text, by);
        return new DocumentBatch(text, batch.Offsets.Select(o => o + by).ToArray(), batch.Count);
    }

    private static byte[] LongDocument(int bytes, Random random)
    {
        var text = new List<byte>(bytes + 4096);
        while (text.Count < bytes)
        {
            text.AddRange(RandomDocuments.Make(random.Next(4) == 0 ? "chinese" : "mixed", random));
            text.AddRange(Encoding.UTF8.GetBytes("\n\n"));
        }

        return text.ToArray();
    }

    /// <summary>Counts documents that differ and prints the first few.</summary>
    private sealed class Mismatches(string backend, TextWriter log)
    {
        private int vsReference;
        private int vsCpu;

        public void Compare(SignatureParameters p, CheckDocument document, string against, DocumentSignature expected, DocumentSignature actual)
        {
            string? field = FirstDifference(expected, actual);
            if (field is null)
            {
                return;
            }

            int count = against == "cpu" ? ++vsCpu : ++vsReference;
            if (count <= PrintedMismatches)
            {
                log.WriteLine($"  MISMATCH {backend} vs {against}, n={p.ShingleSize} P={p.Permutations} {p.Bands}x{p.Rows}, " +
                    $"{document.Kind} document #{document.IndexInKind} ({document.Text.Length:N0} bytes): {field}");
            }
        }

        public CheckOutcome Outcome(int documents, string? error) => new(backend, documents, vsReference, vsCpu, error);

        private static string? FirstDifference(DocumentSignature expected, DocumentSignature actual)
        {
            if (expected.TokenCount != actual.TokenCount)
            {
                return $"token count {expected.TokenCount} expected, {actual.TokenCount} found";
            }

            if (expected.ContentHash != actual.ContentHash)
            {
                return $"content hash {expected.ContentHash:x32} expected, {actual.ContentHash:x32} found";
            }

            int p = Mismatch(expected.Signature, actual.Signature);
            if (p >= 0)
            {
                return $"signature[{p}] {expected.Signature[p]:x8} expected, {actual.Signature[p]:x8} found";
            }

            int b = Mismatch(expected.BandKeys, actual.BandKeys);
            return b >= 0 ? $"band key[{b}] {expected.BandKeys[b]:x16} expected, {actual.BandKeys[b]:x16} found" : null;
        }

        private static int Mismatch<T>(T[] expected, T[] actual)
            where T : IEquatable<T>
        {
            // Both hold Permutations (or Bands) values: the parameters are the same.
            int common = expected.AsSpan().CommonPrefixLength(actual);
            return common == expected.Length ? -1 : common;
        }
    }
}
