namespace Dedup.Bench.GpuCheck;

/// <summary>One document of the exactness check, with where it came from for the mismatch messages.</summary>
public sealed record CheckDocument(string Kind, int IndexInKind, byte[] Text);
