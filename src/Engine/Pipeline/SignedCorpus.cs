using Dedup.Engine.Lsh;

namespace Dedup.Engine.Pipeline;

/// <summary>What the signature stage leaves for the later stages.</summary>
public sealed class SignedCorpus(DocumentTable documents, SignatureStore signatures, BandIndex bands, ShingleStore? shingles) : IDisposable
{
    public DocumentTable Documents { get; } = documents;

    public SignatureStore Signatures { get; } = signatures;

    public BandIndex Bands { get; } = bands;

    /// <summary>Each document's shingle set, kept only for exact verification.</summary>
    public ShingleStore? Shingles { get; } = shingles;

    /// <summary>Seconds the backend spent computing (reading overlaps with it).</summary>
    public double ComputeSeconds { get; set; }

    public void Dispose() => Shingles?.Dispose();
}
