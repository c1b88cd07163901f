using Dedup.Kernels.Backends;

namespace Dedup.Kernels.Tests.Backends;

public sealed class DeviceCatalogTests
{
    [Theory]
    [InlineData(DeviceKind.Cuda, false, 0, "cuda: no CUDA driver (libcuda.so.1 not found)")]
    [InlineData(DeviceKind.Cuda, true, 1, "cuda: driver found, 1 GPU")]
    [InlineData(DeviceKind.OpenCL, true, 2, "opencl: driver found, 2 GPUs")]
    [InlineData(DeviceKind.OpenCL, true, 0, "opencl: driver found, but no OpenCL GPU that ILGPU supports (OpenCL 2.0 with generic address space; CPU devices such as pocl are skipped): not used by --device auto")]
    public void SaysWhatBecameOfADriver(DeviceKind kind, bool found, int gpus, string expected)
    {
        Assert.Equal(expected, DeviceCatalog.DriverLine(kind, found, gpus));
    }
}
