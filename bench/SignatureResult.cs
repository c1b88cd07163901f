namespace Dedup.Bench;

/// <summary>One backend's line in <c>signatures</c>' table and JSON.</summary>
/// <param name="OtherCpuSeconds">CPU time other processes took on the machine during the timed runs: near 0 on a quiet machine.</param>
public sealed record SignatureResult(string Backend, int Documents, long Bytes, double MedianSeconds, double MegabytesPerSecond, double DocumentsPerSecond, double OtherCpuSeconds);
