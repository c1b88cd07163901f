using Dedup.Kernels.Signatures;

namespace Dedup.Kernels.Backends;

/// <summary>
/// Computes signatures, band keys and content hashes for batches of documents. Every backend
/// gives bit-identical results (docs/ALGORITHM.md); the engine never knows which one ran.
/// </summary>
public interface ISignatureBackend : IDisposable
{
    /// <summary>What runs, in words: "cpu (Vector512, 2 threads)", "cuda (NVIDIA H200)".</summary>
    string Name { get; }

    SignatureParameters Parameters { get; }

    /// <summary>
    /// The largest batch of text worth filling. The CPU gains nothing from large batches and loses
    /// overlap with the reader (measured: 32 MiB batches made reading and signing 210 MB take 2.4-3.1 s,
    /// 4 MiB ones 1.9-2.0 s); a GPU wants batches as large as memory allows, to amortise transfers.
    /// </summary>
    int PreferredBatchBytes { get; }

    /// <summary>Fills <paramref name="output"/> (resized to the batch) for every document of the batch.</summary>
    void Compute(DocumentBatch batch, SignatureBatch output);
}
