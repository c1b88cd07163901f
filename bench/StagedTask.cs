namespace Dedup.Bench;

/// <summary>What one task recorded in its done.json.</summary>
public sealed record StagedTask(int Task, double Seconds, long PeakMemoryBytes);
