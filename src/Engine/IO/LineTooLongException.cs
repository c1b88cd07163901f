namespace Dedup.Engine.IO;

/// <summary>A JSONL line exceeds the largest possible buffer; told apart from corrupt compressed data in messages.</summary>
internal sealed class LineTooLongException(string message) : IOException(message);
