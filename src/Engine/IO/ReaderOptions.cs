namespace Dedup.Engine.IO;

/// <summary>
/// Which fields a reader extracts. Several <paramref name="TextFields"/> are joined with "\n" in the given
/// order; a missing one among several makes the record's text missing. <paramref name="KeyField"/>, when set,
/// is read as well (for <c>--keep newest:FIELD</c> and <c>max:FIELD</c>).
/// </summary>
public sealed record ReaderOptions(IReadOnlyList<string> TextFields, string IdField, string? KeyField = null);
