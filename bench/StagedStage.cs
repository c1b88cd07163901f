namespace Dedup.Bench;

/// <summary>
/// One stage of a staged run: its processes, its tasks' own figures, what it left on disk, and its peak
/// against its limit (--memory; for cluster --memory plus 8 bytes a document).
/// </summary>
/// <param name="PeakRssBytes">The largest of the processes' getrusage peaks, the tasks' done.json peaks and the RSS samples.</param>
/// <param name="LimitBytes">Null for plan, which sizes nothing by the budget.</param>
/// <param name="DiskBytes">Bytes under RUN_DIR/stage after the stage (for filter also the output folder, which it writes).</param>
public sealed record StagedStage(
    string Stage,
    double WallSeconds,
    double CpuSeconds,
    double OtherCpuSeconds,
    long PeakRssBytes,
    long? LimitBytes,
    bool? WithinLimit,
    long DiskBytes,
    IReadOnlyList<StagedProcess> Processes,
    IReadOnlyList<StagedTask> Tasks);
