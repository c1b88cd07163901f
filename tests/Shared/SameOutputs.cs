using Dedup.Reliability;

namespace Dedup.Tests.Shared;

/// <summary>Compares two runs' outputs (<see cref="OutputComparison"/>, which bench kill uses too). Compiled into the test projects that run dedup.</summary>
public static class SameOutputs
{
    /// <summary>
    /// Asserts that <paramref name="actual"/> holds the same files as <paramref name="expected"/>, byte for
    /// byte: shards, clusters.jsonl, removed/ (the reports hold timings, so they are left out).
    /// </summary>
    public static void Assert(string expected, string actual)
    {
        var differences = OutputComparison.Differences(expected, actual);
        Xunit.Assert.True(differences.Count == 0, string.Join("\n", differences));
    }
}
