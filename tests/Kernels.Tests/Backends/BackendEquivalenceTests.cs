using Dedup.Kernels.Backends;
using Dedup.Kernels.Cpu;
using Dedup.Kernels.Ilgpu;
using Dedup.Kernels.Signatures;

namespace Dedup.Kernels.Tests.Backends;

/// <summary>
/// Every backend this machine has equals the reference bit for bit, through the one equivalence
/// check (<see cref="EquivalenceCheck"/>) that <c>bench gpu-check</c> runs on CUDA and OpenCL
/// devices: random documents of every kind and a long one, every standard parameter set, each as
/// one batch, behind other bytes and in small batches.
/// </summary>
public sealed class BackendEquivalenceTests
{
    /// <summary>
    /// Documents of each kind for the CPU backend. The ILGPU CPU accelerator runs the kernels a
    /// simulated thread at a time: it gets the first of them, fewer still with tiny chunks.
    /// </summary>
    private const int PerKind = 40;
    private const int PerKindOnIlgpuCpu = 20;
    private const int PerKindWithTinyChunks = 10;

    private static readonly EquivalenceCheck Check = EquivalenceCheck.OnRandomDocuments(PerKind, longDocumentBytes: [64 << 10]);

    public static TheoryData<string> Backends() => new("cpu", "cpu, 1 thread", "ilgpu-cpu", "ilgpu-cpu, tiny chunks");

    [Theory]
    [MemberData(nameof(Backends))]
    public void EveryBackendMatchesTheReferenceBitForBit(string backend)
    {
        var report = backend switch
        {
            "cpu" => Check.Run(backend, p => new CpuBackend(p)),
            "cpu, 1 thread" => Check.Run(backend, p => new CpuBackend(p, threads: 1)),
            "ilgpu-cpu" => Check.Run(backend, p => BackendFactory.CreateIlgpuCpu(p), PerKindOnIlgpuCpu),
            // Chunks, segments and parts far smaller than most documents.
            _ => Check.Run(backend, p => BackendFactory.CreateIlgpuCpu(p, new IlgpuTuning(ChunkBytes: 5, SegmentTokens: 3, PartBytes: 400)), PerKindWithTinyChunks),
        };

        Assert.True(report.Passed, report.Describe());
        Assert.True(report.Results > 0, "no results compared");
    }

    [Fact]
    public void TheCheckReportsEveryFieldThatDiffersWithItsValues()
    {
        var parameters = new SignatureParameters(shingleSize: 2, permutations: 16, bands: 4, rows: 4, seed: 1);
        byte[][] documents = ["one two three"u8.ToArray(), "four five"u8.ToArray(), "six seven eight nine"u8.ToArray()];
        var expected = documents.Select(d => ReferenceSignature.Compute(d, parameters)).ToArray();
        var check = EquivalenceCheck.Of(documents, [parameters], BatchLayouts.OneBatch);

        var report = check.Run("tampered", p => new TamperedBackend(new CpuBackend(p), output =>
        {
            output.TokenCounts[1]++;
            output.Signatures[(2 * p.Permutations) + 5] ^= 1;
            output.BandKeys[2 * p.Bands] ^= 1UL << 63;
        }));

        Assert.False(report.Passed);
        Assert.Equal(3, report.Results);
        Assert.Equal(2, report.MismatchedResults);
        Assert.Equal(
            [
                (1, "token count", "2", "3"),
                (2, "signature[5] (1 of 16 differ)", $"{expected[2].Signature[5]:x8}", $"{expected[2].Signature[5] ^ 1:x8}"),
                (2, "band key[0] (1 of 4 differ)", $"{expected[2].BandKeys[0]:x16}", $"{expected[2].BandKeys[0] ^ (1UL << 63):x16}"),
            ],
            report.Mismatches.Select(m => (m.Document.IndexInKind, m.Field, m.Expected, m.Actual)));
        Assert.Equal($"n=2 P=16 4x4 seed 1, one batch, given document #1 (9 bytes): token count: 2 expected, 3 found", report.Mismatches[0].ToString());
    }

    [Fact]
    public void ABackendThatFailsFailsTheCheckWithItsError()
    {
        var check = EquivalenceCheck.Of([[(byte)'a']], [new SignatureParameters(1, 8, 8, 1, seed: 1)], BatchLayouts.All);
        var report = check.Run("broken", p => new TamperedBackend(new CpuBackend(p), _ => throw new InvalidOperationException("device lost")));
        Assert.False(report.Passed);
        Assert.Equal("InvalidOperationException: device lost", report.Error);
        Assert.Contains("device lost", report.Describe());
    }

    /// <summary>A backend whose results are changed after it computed them.</summary>
    private sealed class TamperedBackend(ISignatureBackend inner, Action<SignatureBatch> tamper) : ISignatureBackend
    {
        public string Name => $"tampered {inner.Name}";

        public SignatureParameters Parameters => inner.Parameters;

        public int PreferredBatchBytes => inner.PreferredBatchBytes;

        public void Compute(DocumentBatch batch, SignatureBatch output)
        {
            inner.Compute(batch, output);
            tamper(output);
        }

        public void Dispose() => inner.Dispose();
    }
}
