using Dedup.Kernels.Cpu;
using Dedup.Kernels.Ilgpu;
using ILGPU;
using ILGPU.Runtime;

namespace Dedup.Kernels.Backends;

/// <summary>One line of <c>dedup devices</c>.</summary>
/// <param name="Gpu">A GPU that <c>--device auto</c> can choose (not a CPU, ILGPU's or an OpenCL one).</param>
public sealed record DeviceDescription(string Device, string Name, string Details, bool Gpu = false);

/// <summary>Lists every backend this machine can run, GPUs first, and what became of each GPU driver.</summary>
public static class DeviceCatalog
{
    public static IReadOnlyList<DeviceDescription> List()
    {
        NativeLibraryFallback.Register();
        var result = new List<DeviceDescription>();
        using (var context = Context.Create(b => b.AllAccelerators()))
        {
            foreach (var device in context.Devices.OrderBy(d => d.AcceleratorType == AcceleratorType.CPU))
            {
                result.Add(Describe(device));
            }
        }

        result.Add(new DeviceDescription(
            "cpu",
            "vectorised .NET",
            $"{(VectorMinHash.Width > 0 ? $"Vector{VectorMinHash.Width}" : "scalar")}, {Environment.ProcessorCount} threads (one per logical core)"));
        return result;
    }

    /// <summary>A line per GPU driver: missing, found with its GPUs, or found without one (and so passed by).</summary>
    public static IEnumerable<string> Drivers(IReadOnlyList<DeviceDescription> devices) =>
        new[] { DeviceKind.Cuda, DeviceKind.OpenCL }.Select(kind =>
            DriverLine(kind, BackendFactory.HasDriver(kind), devices.Count(d => d.Gpu && d.Device == kind.Name())));

    internal static string DriverLine(DeviceKind kind, bool driverFound, int gpus) => $"{kind.Name()}: " + (
        !driverFound ? BackendFactory.NoDriver(kind)
        : gpus > 0 ? $"driver found, {gpus} GPU{(gpus == 1 ? string.Empty : "s")}"
        : $"driver found, but {BackendFactory.NoGpu(kind)}: not used by --device auto");

    private static DeviceDescription Describe(Device device)
    {
        string kind = IlgpuBackend.KindName(device.AcceleratorType);
        if (device.AcceleratorType == AcceleratorType.CPU)
        {
            // ILGPU's CPU accelerator reports no real memory size, and its thread count is the GPU
            // group it simulates, not the machine's: say both plainly.
            return new DeviceDescription(kind, device.Name, $"{device.MaxNumThreads} simulated GPU threads on {Environment.ProcessorCount} logical cores; for tests");
        }

        bool gpu = BackendFactory.IsGpu(device);
        string details = $"{device.MemorySize / (1024 * 1024)} MiB, max {device.MaxNumThreads} threads";
        return new DeviceDescription(kind, device.Name, gpu ? details : $"{details}; a CPU device: not used by --device auto", gpu);
    }
}
