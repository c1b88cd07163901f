namespace Dedup.Reliability;

/// <summary>One JSONL line as generated, without its line ending, and what a reader must make of it.</summary>
public sealed record GeneratedLine(byte[] Bytes, ExpectedRow Expected);
