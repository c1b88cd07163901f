using ILGPU;
using ILGPU.Runtime;

namespace Dedup.Kernels.Backends;

/// <summary>One line of <c>dedup devices</c>.</summary>
public sealed record DeviceDescription(string Device, string Name, string Details);

/// <summary>Lists every backend this machine can run, GPUs first.</summary>
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
                // The CPU accelerator reports no real memory size: leave it out rather than print nonsense.
                string memory = device.AcceleratorType == AcceleratorType.CPU ? string.Empty : $"{device.MemorySize / (1024 * 1024)} MiB, ";
                result.Add(new DeviceDescription(
                    IlgpuBackend.KindName(device.AcceleratorType),
                    device.Name,
                    $"{memory}max {device.MaxNumThreads} threads"));
            }
        }

        result.Add(new DeviceDescription(
            "cpu",
            "vectorised .NET",
            $"{(VectorMinHash.Width > 0 ? $"Vector{VectorMinHash.Width}" : "scalar")}, {Environment.ProcessorCount} threads"));
        return result;
    }
}
