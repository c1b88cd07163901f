namespace Dedup.Bench.GpuCheck;

/// <summary>
/// One backend's signature throughput: the median seconds of a pass over the corpus, and for
/// ILGPU devices the median seconds of the same host-device copies alone, so that the kernels'
/// share is the difference. <see cref="Mismatches"/> counts corpus documents that differ from
/// the CPU backend's result.
/// </summary>
public sealed record BenchmarkResult(
    string Backend,
    int Documents,
    long Bytes,
    int Runs,
    double MedianSeconds,
    double? CopySeconds,
    int Mismatches,
    string? Error)
{
    public double MegabytesPerSecond => Bytes / 1e6 / MedianSeconds;

    /// <summary>Throughput of the kernels alone, as end-to-end time minus copy time; null without copies to subtract.</summary>
    public double? KernelMegabytesPerSecond => CopySeconds is double copies && MedianSeconds > copies ? Bytes / 1e6 / (MedianSeconds - copies) : null;

    public static BenchmarkResult Failed(string backend, string error) => new(backend, 0, 0, 0, double.NaN, null, 0, error);
}
