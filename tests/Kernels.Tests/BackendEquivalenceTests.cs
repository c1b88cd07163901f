using Dedup.Kernels.Backends;
using Dedup.Kernels.Cpu;
using Dedup.Kernels.Signatures;

namespace Dedup.Kernels.Tests;

/// <summary>
/// Every backend equals the scalar reference bit for bit. Written once, run for each backend
/// this machine has (CUDA and OpenCL are checked by bench/gpu-check.sh on a GPU machine).
/// </summary>
public abstract class BackendEquivalenceTests
{
    private static readonly SignatureParameters Parameters = new(shingleSize: 5, permutations: 128, bands: 16, rows: 8, seed: 42);

    protected abstract ISignatureBackend Create(SignatureParameters parameters);

    public static TheoryData<string> Kinds() => new(RandomDocuments.Kinds);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EqualsReferenceOnRandomDocumentsOfEachKind(string kind)
    {
        var random = new Random(kind.GetHashCode(StringComparison.Ordinal) ^ 12345);
        var documents = Enumerable.Range(0, 40).Select(_ => RandomDocuments.Make(kind, random)).ToList();
        AssertMatchesReference(documents, Parameters);
    }

    [Theory]
    [InlineData(1, 64, 64, 1)]
    [InlineData(3, 100, 20, 5)]
    [InlineData(7, 17, 1, 17)]
    public void EqualsReferenceForOtherParameters(int shingleSize, int permutations, int bands, int rows)
    {
        var parameters = new SignatureParameters(shingleSize, permutations, bands, rows, seed: 7);
        AssertMatchesReference(RandomDocuments.Mixed(60, seed: shingleSize), parameters);
    }

    [Fact]
    public void BatchBoundariesChangeNothing()
    {
        var documents = RandomDocuments.Mixed(90, seed: 3);
        using var backend = Create(Parameters);
        var whole = Run(backend, documents);
        foreach (int size in new[] { 1, 7, 32 })
        {
            for (int start = 0; start < documents.Count; start += size)
            {
                var part = Run(backend, documents.Skip(start).Take(size).ToList());
                for (int d = 0; d < part.Count; d++)
                {
                    Assert.Equal(whole.Signature(start + d).ToArray(), part.Signature(d).ToArray());
                    Assert.Equal(whole.DocumentBandKeys(start + d).ToArray(), part.DocumentBandKeys(d).ToArray());
                    Assert.Equal(whole.ContentHash(start + d), part.ContentHash(d));
                }
            }
        }
    }

    [Fact]
    public void CapturedShinglesAreTheReferenceShingles()
    {
        var documents = RandomDocuments.Mixed(60, seed: 9);
        using var backend = Create(Parameters);
        var output = new SignatureBatch(Parameters) { CaptureShingles = true };
        backend.Compute(DocumentBatch.From(documents), output);
        for (int d = 0; d < documents.Count; d++)
        {
            var expected = ReferenceSignature.Shingles(ReferenceSignature.Tokens(documents[d]), Parameters.ShingleSize);
            Assert.Equal(expected, output.DocumentShingles(d).ToArray());
        }
    }

    [Fact]
    public void ComputesABatchWithOffsetsThatDoNotStartAtZero()
    {
        var documents = RandomDocuments.Mixed(10, seed: 4);
        var flat = DocumentBatch.From(documents);
        var shifted = new byte[flat.Text.Length + 5];
        flat.Text.CopyTo(shifted, 5);
        var offsets = flat.Offsets.Select(o => o + 5).ToArray();
        using var backend = Create(Parameters);
        var output = new SignatureBatch(Parameters);
        backend.Compute(new DocumentBatch(shifted, offsets, documents.Count), output);
        for (int d = 0; d < documents.Count; d++)
        {
            Assert.Equal(ReferenceSignature.Compute(documents[d], Parameters).Signature, output.Signature(d).ToArray());
        }
    }

    private void AssertMatchesReference(List<byte[]> documents, SignatureParameters parameters)
    {
        using var backend = Create(parameters);
        var output = Run(backend, documents);
        for (int d = 0; d < documents.Count; d++)
        {
            var expected = ReferenceSignature.Compute(documents[d], parameters);
            Assert.Equal(expected.TokenCount, output.TokenCounts[d]);
            Assert.Equal(expected.ContentHash, output.ContentHash(d));
            Assert.Equal(expected.Signature, output.Signature(d).ToArray());
            Assert.Equal(expected.BandKeys, output.DocumentBandKeys(d).ToArray());
        }
    }

    private static SignatureBatch Run(ISignatureBackend backend, List<byte[]> documents)
    {
        var output = new SignatureBatch(backend.Parameters);
        backend.Compute(DocumentBatch.From(documents), output);
        return output;
    }
}

public sealed class CpuBackendEquivalenceTests : BackendEquivalenceTests
{
    protected override ISignatureBackend Create(SignatureParameters parameters) => new CpuBackend(parameters);
}

public sealed class SingleThreadCpuBackendEquivalenceTests : BackendEquivalenceTests
{
    protected override ISignatureBackend Create(SignatureParameters parameters) => new CpuBackend(parameters, threads: 1);
}

public sealed class IlgpuCpuBackendEquivalenceTests : BackendEquivalenceTests
{
    protected override ISignatureBackend Create(SignatureParameters parameters) => BackendFactory.CreateIlgpuCpu(parameters);
}
