namespace Dedup.Bench;

/// <summary>The summed RSS of a process's children at one moment.</summary>
public readonly record struct RssSample(double Seconds, long RssBytes);
