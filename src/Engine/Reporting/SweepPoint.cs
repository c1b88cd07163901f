namespace Dedup.Engine.Reporting;

/// <summary>
/// What a run would remove at another threshold (<c>--sweep</c>): the run's candidate edges,
/// re-verified at <see cref="Threshold"/>. The banding stays the run's, so thresholds well below
/// the run's own lose recall that a run at that threshold would have.
/// </summary>
public sealed record SweepPoint(double Threshold, long Clusters, long DocumentsRemoved, long BytesRemoved);
