namespace Dedup.Engine;

/// <summary>The command line asks for something that cannot be done (exit code 1); the message says what to change.</summary>
public sealed class UsageException(string message) : Exception(message);
