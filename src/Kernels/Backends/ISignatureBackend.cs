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

    /// <summary>Fills <paramref name="output"/> (resized to the batch) for every document of the batch.</summary>
    void Compute(DocumentBatch batch, SignatureBatch output);
}
