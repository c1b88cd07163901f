using System.Globalization;
using Dedup.Kernels.Signatures;

namespace Dedup.Kernels.Backends;

/// <summary>
/// The backend equivalence check: documents (random ones of every kind, seeded, or given ones)
/// signed by a backend under several parameter sets and in several batch layouts, and every
/// result compared bit for bit with <see cref="ReferenceSignature"/>: token count, content hash,
/// signature, band keys and, where the layout captures them, shingles. The one check of the
/// contract of <see cref="ISignatureBackend"/>: the Kernels tests run it for every backend the
/// machine has, <c>bench gpu-check</c> for every CUDA and OpenCL device.
/// </summary>
public sealed class EquivalenceCheck
{
    /// <summary>The kind of the long documents, which <see cref="Run"/> counts apart.</summary>
    public const string LongKind = "long";

    /// <summary>The kind of documents handed to <see cref="Of"/>.</summary>
    public const string GivenKind = "given";

    /// <summary>Bytes that precede the text in <see cref="BatchLayouts.Offset"/>: invalid UTF-8, an unfinished four-byte sequence and a letter, which no backend may join to the first document.</summary>
    private static readonly byte[] LeadingBytes = [0xFF, 0x80, 0xBF, 0xC0, 0xE2, 0x82, 0xED, 0xA0, 0x80, 0xF0, 0x9F, 0x98, (byte)'x'];

    /// <summary>The batch sizes of <see cref="BatchLayouts.SmallBatches"/>, in turn.</summary>
    private static readonly int[] SmallBatchSizes = [1, 7, 32];

    private readonly IReadOnlyList<SignatureParameters> parameterSets;
    private readonly BatchLayouts layouts;

    /// <summary>Per parameter set, per document: what the reference gives.</summary>
    private readonly Lazy<Expected[]>[] expected;

    private EquivalenceCheck(List<CheckDocument> documents, IReadOnlyList<SignatureParameters> parameterSets, BatchLayouts layouts)
    {
        if (parameterSets.Count == 0 || (layouts & BatchLayouts.All) == 0)
        {
            throw new ArgumentException("the check needs a parameter set and a layout");
        }

        Documents = documents;
        this.parameterSets = parameterSets;
        this.layouts = layouts & BatchLayouts.All;
        expected = parameterSets.Select(p => new Lazy<Expected[]>(() => Reference(documents, p))).ToArray();
    }

    /// <summary>
    /// The default layout, one shingle per token, odd sizes that leave a vector tail and unused
    /// permutations, and the widest shingles.
    /// </summary>
    public static IReadOnlyList<SignatureParameters> StandardParameterSets { get; } =
    [
        new(shingleSize: 5, permutations: 128, bands: 9, rows: 13, seed: 42),
        new(shingleSize: 1, permutations: 64, bands: 64, rows: 1, seed: 7),
        new(shingleSize: 3, permutations: 100, bands: 20, rows: 5, seed: 7),
        new(shingleSize: 7, permutations: 17, bands: 1, rows: 17, seed: 1),
        new(shingleSize: SignatureParameters.MaxShingleSize, permutations: 256, bands: 32, rows: 8, seed: 3),
    ];

    /// <summary>Long documents for a GPU: they span thousands of tokenizing chunks and MinHash segments.</summary>
    public static IReadOnlyList<int> StandardLongDocumentBytes { get; } = [64 << 10, 256 << 10, 1 << 20];

    /// <summary>The documents, in the order the backends get them.</summary>
    public IReadOnlyList<CheckDocument> Documents { get; }

    public long Bytes => Documents.Sum(d => (long)d.Text.Length);

    public int ParameterSetCount => parameterSets.Count;

    /// <summary>
    /// <paramref name="perKind"/> random documents of each of <see cref="RandomDocuments.Kinds"/>
    /// and one long one of each size, kinds interleaved so that every batch mixes short, long,
    /// empty and invalid documents. Fixed seeds (not string hashes, which .NET randomises per
    /// process): the same documents on every machine, so a mismatch reproduces.
    /// </summary>
    public static EquivalenceCheck OnRandomDocuments(int perKind, IReadOnlyList<int> longDocumentBytes, IReadOnlyList<SignatureParameters>? parameterSets = null, BatchLayouts layouts = BatchLayouts.All)
    {
        var documents = new List<CheckDocument>();
        for (int k = 0; k < RandomDocuments.Kinds.Length; k++)
        {
            var random = new Random(1000 + k);
            for (int i = 0; i < perKind; i++)
            {
                documents.Add(new CheckDocument(RandomDocuments.Kinds[k], i, RandomDocuments.Make(RandomDocuments.Kinds[k], random)));
            }
        }

        var longRandom = new Random(999);
        for (int i = 0; i < longDocumentBytes.Count; i++)
        {
            documents.Add(new CheckDocument(LongKind, i, RandomDocuments.Long(longDocumentBytes[i], longRandom)));
        }

        var shuffled = documents.OrderBy(_ => longRandom.Next()).ToList();
        return new EquivalenceCheck(shuffled, parameterSets ?? StandardParameterSets, layouts);
    }

    /// <summary>The check on the given documents, in their order (edge cases a test builds).</summary>
    public static EquivalenceCheck Of(IReadOnlyList<byte[]> documents, IReadOnlyList<SignatureParameters>? parameterSets = null, BatchLayouts layouts = BatchLayouts.All) =>
        new(documents.Select((text, i) => new CheckDocument(GivenKind, i, text)).ToList(), parameterSets ?? StandardParameterSets, layouts);

    /// <summary>Computes the reference's results now (they are computed once, when first needed, and kept).</summary>
    public void ComputeReference()
    {
        foreach (var set in expected)
        {
            _ = set.Value;
        }
    }

    /// <summary>
    /// Opens a backend for each parameter set and compares its results in each layout with the
    /// reference's, on the documents whose index in their kind is below <paramref name="perKind"/>
    /// (below <paramref name="longDocuments"/> for the long ones). A backend that throws ends the
    /// run: the report holds the exception and the mismatches found before it.
    /// </summary>
    public EquivalenceReport Run(string backend, Func<SignatureParameters, ISignatureBackend> open, int perKind = int.MaxValue, int longDocuments = int.MaxValue)
    {
        var chosen = Enumerable.Range(0, Documents.Count)
            .Where(d => Documents[d].IndexInKind < (Documents[d].Kind == LongKind ? longDocuments : perKind))
            .ToList();
        var texts = chosen.Select(d => Documents[d].Text).ToList();
        var mismatches = new List<EquivalenceMismatch>();
        var runLayouts = Enum.GetValues<BatchLayouts>().Where(l => l != BatchLayouts.All && layouts.HasFlag(l)).ToList();
        int results = chosen.Count * parameterSets.Count * runLayouts.Count;
        try
        {
            for (int s = 0; s < parameterSets.Count; s++)
            {
                var parameters = parameterSets[s];
                var reference = expected[s].Value;
                using var signer = open(parameters);
                foreach (var layout in runLayouts)
                {
                    foreach (var (first, output) in Sign(signer, texts, layout))
                    {
                        for (int d = 0; d < output.Count; d++)
                        {
                            int document = chosen[first + d];
                            new Comparison(mismatches, parameters, layout, Documents[document]).Compare(reference[document], output, d);
                        }
                    }
                }
            }
        }
        catch (Exception e)
        {
            return new EquivalenceReport(backend, results, mismatches, e);
        }

        return new EquivalenceReport(backend, results, mismatches, Failure: null);
    }

    /// <summary>
    /// Has the backend sign the texts in the layout; yields each batch's output with the index of
    /// its first document (the output is reused: read it before the next).
    /// </summary>
    private static IEnumerable<(int First, SignatureBatch Output)> Sign(ISignatureBackend backend, List<byte[]> texts, BatchLayouts layout)
    {
        var parameters = backend.Parameters;
        switch (layout)
        {
            case BatchLayouts.OneBatch:
            {
                var output = new SignatureBatch(parameters);
                backend.Compute(DocumentBatch.From(texts), output);
                yield return (0, output);
                break;
            }

            case BatchLayouts.Offset:
            {
                var output = new SignatureBatch(parameters) { CaptureShingles = true };
                backend.Compute(BehindLeadingBytes(DocumentBatch.From(texts)), output);
                yield return (0, output);
                break;
            }

            case BatchLayouts.SmallBatches:
            {
                var output = new SignatureBatch(parameters) { CaptureShingles = true };
                int first = 0;
                for (int b = 0; first < texts.Count; b++)
                {
                    int count = Math.Min(SmallBatchSizes[b % SmallBatchSizes.Length], texts.Count - first);
                    backend.Compute(DocumentBatch.From(texts.GetRange(first, count)), output);
                    yield return (first, output);
                    first += count;
                }

                break;
            }
        }
    }

    /// <summary>The batch's documents with its text behind <see cref="LeadingBytes"/>: a backend must read from the first offset on.</summary>
    private static DocumentBatch BehindLeadingBytes(DocumentBatch batch)
    {
        var text = new byte[LeadingBytes.Length + batch.Text.Length];
        LeadingBytes.CopyTo(text, 0);
        batch.Text.CopyTo(text, LeadingBytes.Length);
        return new DocumentBatch(text, batch.Offsets.Select(o => o + LeadingBytes.Length).ToArray(), batch.Count);
    }

    private static Expected[] Reference(List<CheckDocument> documents, SignatureParameters parameters)
    {
        var results = new Expected[documents.Count];
        Parallel.For(0, documents.Count, d =>
        {
            var text = documents[d].Text;
            var shingles = ReferenceSignature.Shingles(ReferenceSignature.Tokens(text), parameters.ShingleSize);
            results[d] = new Expected(ReferenceSignature.Compute(text, parameters), shingles.ToArray());
        });
        return results;
    }

    private sealed record Expected(DocumentSignature Signature, uint[] Shingles);

    /// <summary>Compares one document's result with the reference's, field by field, and records each field that differs.</summary>
    private sealed class Comparison(List<EquivalenceMismatch> mismatches, SignatureParameters parameters, BatchLayouts layout, CheckDocument document)
    {
        public void Compare(Expected expected, SignatureBatch output, int d)
        {
            var reference = expected.Signature;
            if (reference.TokenCount != output.TokenCounts[d])
            {
                Add("token count", Decimal(reference.TokenCount), Decimal(output.TokenCounts[d]));
            }

            if (reference.ContentHash != output.ContentHash(d))
            {
                Add("content hash", reference.ContentHash.ToString("x32", CultureInfo.InvariantCulture), output.ContentHash(d).ToString("x32", CultureInfo.InvariantCulture));
            }

            Values<uint>("signature", reference.Signature, output.Signature(d), "x8");
            Values<ulong>("band key", reference.BandKeys, output.DocumentBandKeys(d), "x16");
            if (output.CaptureShingles)
            {
                Values<uint>("shingle", expected.Shingles, output.DocumentShingles(d), "x8");
            }
        }

        /// <summary>Records the first value that differs, with how many do; or the counts, when they differ.</summary>
        private void Values<T>(string field, ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, string format)
            where T : IEquatable<T>, IFormattable
        {
            if (expected.Length != actual.Length)
            {
                Add($"{field} count", Decimal(expected.Length), Decimal(actual.Length));
                return;
            }

            int first = expected.CommonPrefixLength(actual);
            if (first == expected.Length)
            {
                return;
            }

            int differ = 0;
            for (int i = first; i < expected.Length; i++)
            {
                differ += expected[i].Equals(actual[i]) ? 0 : 1;
            }

            Add($"{field}[{first}] ({differ} of {expected.Length} differ)", expected[first].ToString(format, CultureInfo.InvariantCulture), actual[first].ToString(format, CultureInfo.InvariantCulture));
        }

        private void Add(string field, string expected, string actual) =>
            mismatches.Add(new EquivalenceMismatch(parameters, layout, document, field, expected, actual));

        private static string Decimal(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
