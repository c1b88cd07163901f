using Dedup.Engine.Lsh;

namespace Dedup.Engine.Pipeline;

/// <summary>What the signature stage leaves for the later stages.</summary>
public sealed class SignedCorpus(DocumentTable documents, SignatureStore signatures, BandIndex bands)
{
    public DocumentTable Documents { get; } = documents;

    public SignatureStore Signatures { get; } = signatures;

    public BandIndex Bands { get; } = bands;

    /// <summary>Seconds the backend spent computing (reading overlaps with it).</summary>
    public double ComputeSeconds { get; set; }
}
