using Dedup.Kernels.Ilgpu;
using ILGPU.Runtime.Cuda;

namespace Dedup.Kernels.Tests.Ilgpu;

/// <summary>Every kernel compiles to PTX for the GPUs Dedup targets, without a GPU.</summary>
public sealed class PtxCompilationTests
{
    public static TheoryData<string> Kernels() => new(SignatureKernels.All.Select(m => m.Name));

    [Fact]
    public void TheListHoldsEveryKernel()
    {
        Assert.Equal(["BandKeys", "ContentHash", "CountTokens", "MinHash", "Shingle", "Tokenize"], SignatureKernels.All.Select(m => m.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void EveryKernelCompilesToPtxForHopper(string kernel)
    {
        var method = SignatureKernels.All.Single(m => m.Name == kernel);
        string ptx = SignatureKernels.CompileToPtx(method, new CudaArchitecture(9, 0));

        // ILGPU 1.5.3 targets sm_80 at most; the driver JIT-compiles that PTX for Hopper.
        Assert.Contains(".target sm_80", ptx);
        Assert.Contains($".entry Kernel_{method.Name}(", ptx);
    }
}
