namespace Dedup.Kernels.Signatures;

/// <summary>
/// What a backend computes for a <see cref="DocumentBatch"/>, in flat arrays indexed by the
/// document's position in the batch. Buffers grow as needed and are reused between batches.
/// </summary>
public sealed class SignatureBatch
{
    public SignatureBatch(SignatureParameters parameters)
    {
        Parameters = parameters;
    }

    public SignatureParameters Parameters { get; }

    public int Count { get; private set; }

    /// <summary>Permutations values per document: document d at [d * P, (d + 1) * P).</summary>
    public uint[] Signatures { get; private set; } = [];

    /// <summary>Bands keys per document; 0 for a document without tokens.</summary>
    public ulong[] BandKeys { get; private set; } = [];

    /// <summary>The 128-bit content hash per document: low at 2d, high at 2d + 1.</summary>
    public ulong[] ContentHashes { get; private set; } = [];

    /// <summary>Tokens per document; 0 means the document has no signature and no band keys.</summary>
    public int[] TokenCounts { get; private set; } = [];

    /// <summary>Whether backends also return each document's shingle values (for exact Jaccard verification).</summary>
    public bool CaptureShingles { get; init; }

    /// <summary>
    /// With <see cref="CaptureShingles"/>: shingle values laid out like the batch's text, document d's
    /// <see cref="Shingling.Count"/> values starting at its byte offset relative to the batch's first document.
    /// </summary>
    public uint[] Shingles { get; private set; } = [];

    /// <summary>Where each document's shingles start in <see cref="Shingles"/>.</summary>
    public int[] ShingleStarts { get; private set; } = [];

    public ReadOnlySpan<uint> Signature(int d) => Signatures.AsSpan(d * Parameters.Permutations, Parameters.Permutations);

    public ReadOnlySpan<ulong> DocumentBandKeys(int d) => BandKeys.AsSpan(d * Parameters.Bands, Parameters.Bands);

    public UInt128 ContentHash(int d) => new(ContentHashes[(2 * d) + 1], ContentHashes[2 * d]);

    /// <summary>Document d's shingle values (in text order, repeats included); needs <see cref="CaptureShingles"/>.</summary>
    public ReadOnlySpan<uint> DocumentShingles(int d) =>
        Shingles.AsSpan(ShingleStarts[d], Shingling.Count(TokenCounts[d], Parameters.ShingleSize));

    /// <summary>Sizes the buffers for the batch, keeping larger ones.</summary>
    public void Resize(DocumentBatch batch)
    {
        Resize(batch.Count);
        if (!CaptureShingles)
        {
            return;
        }

        if (Shingles.Length < batch.Length)
        {
            Shingles = new uint[Math.Max(batch.Length, Shingles.Length * 2)];
        }

        if (ShingleStarts.Length < batch.Count)
        {
            ShingleStarts = new int[Math.Max(batch.Count, ShingleStarts.Length * 2)];
        }

        for (int d = 0; d < batch.Count; d++)
        {
            ShingleStarts[d] = batch.Offsets[d] - batch.Offsets[0];
        }
    }

    /// <summary>Sizes the per-document buffers for <paramref name="count"/> documents, keeping larger ones.</summary>
    public void Resize(int count)
    {
        Count = count;
        if (TokenCounts.Length >= count)
        {
            return;
        }

        int capacity = Math.Max(count, TokenCounts.Length * 2);
        Signatures = new uint[(long)capacity * Parameters.Permutations];
        BandKeys = new ulong[(long)capacity * Parameters.Bands];
        ContentHashes = new ulong[2L * capacity];
        TokenCounts = new int[capacity];
    }
}
