using System.Reflection;
using Dedup.Kernels.Signatures;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Dedup.Kernels.Tests;

/// <summary>
/// Every kernel compiles to PTX for the GPUs Dedup targets, without a GPU: the same ILGPU
/// pipeline (context flags included) that a CUDA accelerator would run.
/// </summary>
public sealed class PtxCompilationTests
{
    public static TheoryData<string> Kernels() => new(KernelMethods().Select(m => $"{m.DeclaringType!.Name}.{m.Name}"));

    [Theory]
    [MemberData(nameof(Kernels))]
    public void CompilesToPtxForHopper(string kernel)
    {
        var method = KernelMethods().Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == kernel);
        string ptx = CompileToPtx(method, new CudaArchitecture(9, 0));

        // ILGPU 1.5.3 targets sm_80 at most; the driver JIT-compiles that PTX for Hopper.
        Assert.Contains(".target sm_80", ptx);
        Assert.Contains($".entry Kernel_{method.Name}(", ptx);
    }

    /// <summary>The PTX text of one kernel, as bench/gpu-check and ptxas would see it.</summary>
    internal static string CompileToPtx(MethodInfo method, CudaArchitecture arch)
    {
        using var context = Context.Create(b => b.EnableAlgorithms());
        var instructionSet = CudaAccelerator.GetInstructionSet(arch, CudaDriverVersion.FromMajorMinor(11, 8));
        using var backend = new PTXBackend(context, new CudaCapabilityContext(arch), arch, instructionSet, null);
        var compiled = backend.Compile(EntryPointDescription.FromImplicitlyGroupedKernel(method), KernelSpecialization.Empty);
        return ((PTXCompiledKernel)compiled).PTXAssembly;
    }

    internal static IEnumerable<MethodInfo> KernelMethods() =>
        new[] { typeof(ShingleKernels), typeof(MinHashKernel), typeof(BandKeyKernel) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetParameters().FirstOrDefault()?.ParameterType == typeof(Index1D));
}
