using Dedup.Kernels.Signatures;

namespace Dedup.Engine.Stages.Signatures;

/// <summary>Where the signature stage puts each signed batch, in reading order.</summary>
internal interface ISignedBatchSink
{
    /// <summary>Whether the batches must carry each document's shingle values (exact verification).</summary>
    bool NeedsShingles { get; }

    /// <summary>Takes the batch's documents and their signatures; both are reused after the call.</summary>
    void Append(PendingBatch batch, SignatureBatch output);
}
