namespace Dedup.Engine;

/// <summary>
/// A run or a stage stopped because it was cancelled (Ctrl-C, SIGTERM), after removing what it had
/// staged; the message says what is left and how to go on.
/// </summary>
public sealed class RunInterruptedException(string message, Exception inner) : OperationCanceledException(message, inner);
