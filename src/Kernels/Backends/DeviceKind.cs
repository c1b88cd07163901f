namespace Dedup.Kernels.Backends;

/// <summary>The backends <c>--device</c> can ask for.</summary>
public enum DeviceKind
{
    /// <summary>CUDA, else OpenCL, else the vectorised CPU backend.</summary>
    Auto,
    Cuda,
    OpenCL,

    /// <summary>The vectorised CPU backend: the fast path without a GPU.</summary>
    Cpu,

    /// <summary>The ILGPU CPU accelerator: the GPU kernels on the CPU, for tests.</summary>
    IlgpuCpu,
}
