using Dedup.Kernels.Backends;

namespace Dedup.Bench.GpuCheck;

/// <summary>One backend's line of the summary: its exactness check and its benchmark, either missing if it never got there.</summary>
public sealed record SummaryRow(string Backend, EquivalenceReport? Check, BenchmarkResult? Benchmark)
{
    public bool Passed =>
        Check is { Passed: true } && Benchmark is { Error: null, Mismatches: 0 };
}
