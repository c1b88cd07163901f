namespace Dedup.Engine.IO;

/// <summary>
/// Which fields a reader extracts. Several <paramref name="TextFields"/> are joined with "\n" in the given
/// order; a missing one among several makes the record's text missing. <paramref name="KeyField"/>, when set,
/// is read as well (for <c>--keep newest:FIELD</c> and <c>max:FIELD</c>). A record longer than
/// <paramref name="MaxRecordBytes"/> is <see cref="RecordStatus.TooLarge"/>: --memory decides it
/// (<see cref="Plan.MemoryBudget.RecordBytes"/>), so that one huge record cannot take more than the budget.
/// </summary>
public sealed record ReaderOptions(IReadOnlyList<string> TextFields, string IdField, string? KeyField = null, int MaxRecordBytes = int.MaxValue)
{
    /// <summary>The problem a <see cref="RecordStatus.TooLarge"/> record is reported with.</summary>
    public string TooLargeProblem =>
        $"the record is longer than {MaxRecordBytes:N0} bytes, the most one record may have at this --memory: kept as it is, not deduplicated (a larger --memory signs it)";
}
