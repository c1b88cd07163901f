namespace Dedup.Bench;

/// <summary>What one slice of <c>fuzz</c> ran, as its child process hands it back: cases by kind and outcome, and the failure it found, if any.</summary>
public sealed record FuzzSlice(string Target, FuzzSlice.Count[] Counts, string? FailureSeed, string? FailureMessage)
{
    public sealed record Count(string Kind, string Outcome, int Cases);
}
