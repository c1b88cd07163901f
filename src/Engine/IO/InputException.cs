namespace Dedup.Engine.IO;

/// <summary>The inputs given to a run cannot be used; the message says what, where and what to do.</summary>
public sealed class InputException(string message) : Exception(message);
