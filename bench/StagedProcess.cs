namespace Dedup.Bench;

/// <summary>One child process of a staged run (a whole stage, or one task of it), as <c>measure</c> saw it.</summary>
/// <param name="Task">The task it ran, or null when it ran every task of the stage in turn.</param>
/// <param name="PeakRssBytes">getrusage's figure: the high-water mark at exit, which a task's start resets (so in a process of several tasks, the last task's peak).</param>
/// <param name="RssTimeline">Its RSS sampled every half second: (seconds, bytes).</param>
public sealed record StagedProcess(
    int? Task,
    double WallSeconds,
    double CpuSeconds,
    double OtherCpuSeconds,
    long PeakRssBytes,
    IReadOnlyList<RssSample> RssTimeline);
