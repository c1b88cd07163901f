namespace Dedup.Bench;

/// <summary>A command line the bench cannot act on; the message says which option and what to give.</summary>
public sealed class BenchUsageException(string message) : Exception(message);
