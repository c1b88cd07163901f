using Dedup.Kernels.Cpu;
using Dedup.Kernels.Ilgpu;
using Dedup.Kernels.Signatures;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace Dedup.Kernels.Backends;

/// <summary>Creates the backend behind <c>--device</c> and says why it was chosen.</summary>
public static class BackendFactory
{
    public static BackendChoice Create(DeviceKind kind, SignatureParameters parameters, int threads = 0)
    {
        switch (kind)
        {
            case DeviceKind.Cpu:
                return new BackendChoice(new CpuBackend(parameters, threads), "--device cpu");
            case DeviceKind.IlgpuCpu:
                return new BackendChoice(CreateIlgpuCpu(parameters), "--device ilgpu-cpu");
            case DeviceKind.Cuda:
            case DeviceKind.OpenCL:
                return TryCreateGpu(kind, parameters, out var gpu, out string why)
                    ? new BackendChoice(gpu!, $"--device {kind.Name()}")
                    : throw new BackendUnavailableException($"--device {kind.Name()}: {why}. Use --device auto to fall back to the CPU.");
            default:
                return CreateAuto(parameters, threads);
        }
    }

    /// <summary>
    /// The ILGPU CPU accelerator running the GPU kernels (tests, <c>--device ilgpu-cpu</c>), with
    /// the work cut as <paramref name="tuning"/> says (tests cut it small, so that every boundary is crossed).
    /// </summary>
    public static IlgpuBackend CreateIlgpuCpu(SignatureParameters parameters, IlgpuTuning? tuning = null)
    {
        var context = Context.Create(b => b.CPU(CPUDeviceKind.Default).EnableAlgorithms());
        return new IlgpuBackend(context, context.GetCPUDevice(0), parameters, tuning);
    }

    private static BackendChoice CreateAuto(SignatureParameters parameters, int threads)
    {
        if (TryCreateGpu(DeviceKind.Cuda, parameters, out var cuda, out string noCuda))
        {
            return new BackendChoice(cuda!, "auto: CUDA device found");
        }

        if (TryCreateGpu(DeviceKind.OpenCL, parameters, out var openCl, out string noOpenCl))
        {
            return new BackendChoice(openCl!, $"auto: {noCuda}; OpenCL device found");
        }

        return new BackendChoice(new CpuBackend(parameters, threads), $"auto: {noCuda}; {noOpenCl}; using the CPU");
    }

    private static bool TryCreateGpu(DeviceKind kind, SignatureParameters parameters, out ISignatureBackend? backend, out string whyNot)
    {
        backend = null;
        NativeLibraryFallback.Register();
        if (!HasDriver(kind))
        {
            whyNot = NoDriver(kind);
            return false;
        }

        Context? context = null;
        try
        {
            context = Context.Create(b => (kind == DeviceKind.Cuda ? b.Cuda() : b.OpenCL()).EnableAlgorithms());
            var device = context.Devices.FirstOrDefault(IsGpu);
            if (device is null)
            {
                whyNot = NoGpu(kind);
                context.Dispose();
                return false;
            }

            backend = new IlgpuBackend(context, device, parameters);
            whyNot = string.Empty;
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context?.Dispose();
            whyNot = $"{kind.Name()} failed to start: {e.Message}";
            return false;
        }
    }

    /// <summary>Whether the driver library of <paramref name="kind"/> (CUDA or OpenCL) loads.</summary>
    internal static bool HasDriver(DeviceKind kind) => NativeLibraryFallback.IsAvailable(kind == DeviceKind.Cuda ? "cuda" : "OpenCL");

    internal static string NoDriver(DeviceKind kind) =>
        kind == DeviceKind.Cuda ? "no CUDA driver (libcuda.so.1 not found)" : "no OpenCL driver (libOpenCL.so.1 not found)";

    internal static string NoGpu(DeviceKind kind) => kind == DeviceKind.Cuda
        ? "the CUDA driver reports no usable device"
        : "no OpenCL GPU that ILGPU supports (OpenCL 2.0 with generic address space; CPU devices such as pocl are skipped)";

    /// <summary>
    /// A GPU, not a CPU in disguise: OpenCL drivers such as pocl offer the host CPU as an OpenCL
    /// device, which runs the kernels several times slower than the vectorised CPU backend.
    /// </summary>
    internal static bool IsGpu(Device device) =>
        device.AcceleratorType != AcceleratorType.CPU
        && !(device is CLDevice cl && (cl.DeviceType & CLDeviceType.CL_DEVICE_TYPE_CPU) != 0);
}
