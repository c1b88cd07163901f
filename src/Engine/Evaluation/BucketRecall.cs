namespace Dedup.Engine.Evaluation;

/// <summary>
/// Recall of the truth pairs whose exact Jaccard lies in [Low, High) (the last bucket is exactly 1),
/// next to the mean over those pairs of the S-curve and of the S-curve with verification.
/// </summary>
public sealed record BucketRecall(double Low, double High, long Pairs, long Found, double Recall, double SCurve, double SCurveVerified);
