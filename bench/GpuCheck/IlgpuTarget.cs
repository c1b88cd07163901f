using Dedup.Kernels.Backends;
using Dedup.Kernels.Ilgpu;
using Dedup.Kernels.Signatures;
using ILGPU;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace Dedup.Bench.GpuCheck;

/// <summary>
/// One ILGPU device to check: a backend is opened on a fresh context each time, since
/// <see cref="IlgpuBackend"/> owns (and disposes) the context it is given.
/// </summary>
public sealed class IlgpuTarget
{
    private readonly Func<Context> createContext;
    private readonly int index;

    private IlgpuTarget(string label, bool isGpu, bool isSlow, Func<Context> createContext, int index)
    {
        Label = label;
        IsGpu = isGpu;
        IsSlow = isSlow;
        this.createContext = createContext;
        this.index = index;
    }

    /// <summary>"cuda 0 (NVIDIA H200)", "ilgpu-cpu".</summary>
    public string Label { get; }

    /// <summary>False for the ILGPU CPU accelerator and OpenCL CPU devices (such as pocl).</summary>
    public bool IsGpu { get; }

    /// <summary>The ILGPU CPU accelerator, 40-100x slower than the CPU backend: it gets the small inputs.</summary>
    public bool IsSlow { get; }

    /// <summary>
    /// Every CUDA and OpenCL device ILGPU supports here, then the ILGPU CPU accelerator. The
    /// contexts are built as <see cref="BackendFactory"/> builds them (same drivers, same flags,
    /// plus profiling).
    /// <paramref name="notes"/> collects missing drivers and devices that are not GPUs.
    /// </summary>
    public static List<IlgpuTarget> Discover(List<string> notes)
    {
        NativeLibraryFallback.Register();
        var targets = new List<IlgpuTarget>();
        // Profiling on, so that the backend times its kernels with device events (IlgpuBackend.KernelTime).
        Add(targets, notes, "cuda", "libcuda.so.1", () => Context.Create(b => b.Cuda().EnableAlgorithms().Profiling()));
        Add(targets, notes, "OpenCL", "libOpenCL.so.1", () => Context.Create(b => b.OpenCL().EnableAlgorithms().Profiling()));
        targets.Add(new IlgpuTarget("ilgpu-cpu", isGpu: false, isSlow: true, () => Context.Create(b => b.CPU(CPUDeviceKind.Default).EnableAlgorithms().Profiling()), 0));
        return targets;
    }

    public IlgpuBackend OpenBackend(SignatureParameters parameters, IlgpuTuning tuning)
    {
        var context = createContext();
        try
        {
            return new IlgpuBackend(context, context.Devices[index], parameters, tuning);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    private static void Add(List<IlgpuTarget> targets, List<string> notes, string driver, string library, Func<Context> createContext)
    {
        string kind = driver.ToLowerInvariant();
        if (!NativeLibraryFallback.IsAvailable(driver))
        {
            notes.Add($"{kind}: no driver ({library} not found)");
            return;
        }

        try
        {
            using var context = createContext();
            // A context with no device of its driver gets ILGPU's CPU device instead: not this driver's.
            var devices = context.Devices.Select((device, i) => (Device: device, Index: i)).Where(d => d.Device is CudaDevice or CLDevice).ToList();
            if (devices.Count == 0)
            {
                notes.Add($"{kind}: the driver loads but ILGPU lists no supported device");
            }

            foreach (var (device, i) in devices)
            {
                bool cpu = device is CLDevice cl && (cl.DeviceType & CLDeviceType.CL_DEVICE_TYPE_CPU) != 0;
                if (cpu)
                {
                    notes.Add($"{kind} {i}: {device.Name} is a CPU device, not a GPU");
                }

                string name = device.Name.Length <= 32 ? device.Name : device.Name[..32];
                targets.Add(new IlgpuTarget($"{kind} {i} ({name})", isGpu: !cpu, isSlow: false, createContext, i));
            }
        }
        catch (Exception e)
        {
            notes.Add($"{kind}: listing devices failed: {e.GetType().Name}: {e.Message}");
        }
    }
}
