using System.Reflection;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Dedup.Kernels.Ilgpu;

/// <summary>
/// The signature kernels as a list, and their PTX for a CUDA architecture without a GPU: the same
/// ILGPU pipeline (context flags included) a CUDA accelerator runs. Tests check that every kernel
/// compiles; .ci/check-ptx.sh assembles the PTX with ptxas to prove it stays free of register spills.
/// </summary>
public static class SignatureKernels
{
    /// <summary>Every kernel entry point: public static methods whose first parameter is the thread index.</summary>
    public static IReadOnlyList<MethodInfo> All { get; } =
        new[] { typeof(ShingleKernels), typeof(ContentHashKernel), typeof(MinHashKernel), typeof(BandKeyKernel) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetParameters().FirstOrDefault()?.ParameterType == typeof(Index1D))
            .ToList();

    /// <summary>The PTX text of one kernel for <paramref name="architecture"/>, with the CUDA 11.8 instruction set.</summary>
    public static string CompileToPtx(MethodInfo kernel, CudaArchitecture architecture)
    {
        using var context = Context.Create(b => b.EnableAlgorithms());
        var instructionSet = CudaAccelerator.GetInstructionSet(architecture, CudaDriverVersion.FromMajorMinor(11, 8));
        using var backend = new PTXBackend(context, new CudaCapabilityContext(architecture), architecture, instructionSet, null);
        var compiled = backend.Compile(EntryPointDescription.FromImplicitlyGroupedKernel(kernel), KernelSpecialization.Empty);
        return ((PTXCompiledKernel)compiled).PTXAssembly;
    }
}
