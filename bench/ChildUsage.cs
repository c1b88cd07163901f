namespace Dedup.Bench;

/// <summary>What <c>measure</c> found out about the command it ran; <c>pipeline</c> reads it back.</summary>
/// <param name="MachineBusySeconds">CPU time the whole machine was busy meanwhile, the command's included (<see cref="MachineCpu"/>).</param>
public sealed record ChildUsage(int ExitCode, double WallSeconds, double UserSeconds, double SystemSeconds, long PeakRssBytes, double MachineBusySeconds);
