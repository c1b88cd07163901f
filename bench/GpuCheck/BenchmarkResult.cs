namespace Dedup.Bench.GpuCheck;

/// <summary>
/// One backend's signature throughput: the median seconds of a pass over the corpus, and for
/// ILGPU devices the median device time of the kernels in a pass (profiling markers around each
/// part's kernels, <see cref="Dedup.Kernels.Ilgpu.IlgpuBackend.KernelTime"/>).
/// <see cref="Mismatches"/> counts corpus documents that differ from the CPU backend's result.
/// </summary>
public sealed record BenchmarkResult(
    string Backend,
    int Documents,
    long Bytes,
    int Runs,
    double MedianSeconds,
    double? KernelSeconds,
    int Mismatches,
    string? Error)
{
    public double MegabytesPerSecond => Bytes / 1e6 / MedianSeconds;

    /// <summary>Throughput of the kernels alone (device time, copies excluded); null when not measured.</summary>
    public double? KernelMegabytesPerSecond => KernelSeconds is double kernels && kernels > 0 ? Bytes / 1e6 / kernels : null;

    public static BenchmarkResult Failed(string backend, string error) => new(backend, 0, 0, 0, double.NaN, null, 0, error);
}
