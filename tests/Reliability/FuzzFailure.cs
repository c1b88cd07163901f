namespace Dedup.Reliability;

/// <summary>A fuzz target found an input its property does not hold for; the message has CsCheck's seed and how to replay it.</summary>
public sealed class FuzzFailure(string? seed, string message, Exception innerException) : Exception(message, innerException)
{
    /// <summary>CsCheck's seed of the smallest failing case it found; null if its message had none.</summary>
    public string? Seed { get; } = seed;
}
