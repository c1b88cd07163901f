namespace Dedup.Reliability;

/// <summary>A fuzz target found an input its property does not hold for; the message has CsCheck's seed and how to replay it.</summary>
public sealed class FuzzFailure(string target, string? seed, string message, Exception innerException) : Exception(message, innerException)
{
    public string Target { get; } = target;

    /// <summary>CsCheck's seed of the smallest failing case it found; null if its message had none.</summary>
    public string? Seed { get; } = seed;
}
