namespace Dedup.Engine.IO;

/// <summary>
/// Which fields a reader extracts. Several <paramref name="TextFields"/> are joined with "\n" in the given
/// order; a missing one among several makes the record's text missing.
/// </summary>
public sealed record ReaderOptions(IReadOnlyList<string> TextFields, string IdField);
