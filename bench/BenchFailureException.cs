namespace Dedup.Bench;

/// <summary>A measurement that could not be made (a failed child run, a missing program); the message says what to do.</summary>
public sealed class BenchFailureException(string message) : Exception(message);
