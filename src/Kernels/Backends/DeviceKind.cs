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

/// <summary>The names <c>--device</c> takes, one per <see cref="DeviceKind"/>.</summary>
public static class DeviceKinds
{
    public static readonly IReadOnlyList<string> Names = [.. Enum.GetValues<DeviceKind>().Select(Name)];

    public static string Name(this DeviceKind kind) => kind switch
    {
        DeviceKind.IlgpuCpu => "ilgpu-cpu",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The kind named <paramref name="name"/>; null for a name that is none.</summary>
    public static DeviceKind? Parse(string name) => Enum.GetValues<DeviceKind>().Where(k => k.Name() == name).Select(k => (DeviceKind?)k).FirstOrDefault();
}
