namespace Dedup.Bench;

/// <summary>One measured <c>dedup run</c>: from the child process (wall, CPU, peak RSS) and from its report.json.</summary>
/// <param name="OtherCpuSeconds">CPU time other processes took on the machine during the run: near 0 on a quiet machine.</param>
/// <param name="IntermediateBytesPerDocument">The run folder's intermediate files over the signed documents (report.json files.intermediate).</param>
public sealed record PipelineRun(
    double WallSeconds,
    double CpuSeconds,
    double OtherCpuSeconds,
    long PeakRssBytes,
    long Records,
    long TextBytes,
    string Backend,
    double IntermediateBytesPerDocument,
    IReadOnlyDictionary<string, double> StageSeconds);
