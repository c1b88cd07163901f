namespace Dedup.Bench.GpuCheck;

/// <summary>
/// What the exactness check found for one backend, over all parameter sets: documents compared
/// and those that differ from the reference and from the CPU backend; <see cref="Error"/> when
/// the backend failed outright.
/// </summary>
public sealed record CheckOutcome(string Backend, int Documents, int MismatchesVsReference, int MismatchesVsCpu, string? Error)
{
    public bool Passed => Error is null && MismatchesVsReference == 0 && MismatchesVsCpu == 0;

    /// <summary>The summary table's cell.</summary>
    public string Cell => Error is not null
        ? "ERROR"
        : Passed
            ? $"ok {Documents:N0}"
            : $"FAIL {Math.Max(MismatchesVsReference, MismatchesVsCpu):N0}/{Documents:N0}";
}
