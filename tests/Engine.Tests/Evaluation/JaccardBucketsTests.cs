using Dedup.Engine.Evaluation;
using Dedup.Engine.Lsh;

namespace Dedup.Engine.Tests.Evaluation;

public sealed class JaccardBucketsTests
{
    [Fact]
    public void PairsFallIntoHalfOpenBucketsWithExactlyOneAlone()
    {
        var predicted = PairScoresTests.Groups(["a", "b", "c"]);
        TruthPair[] pairs =
        [
            new("a", "b", 1.0), new("a", "c", 0.9999), new("a", "x", 0.95), new("y", "z", 0.8), new("b", "c", 0.8), new("p", "q", 0.0),
        ];
        var curve = new DetectionCurve(new BandLayout(9, 13), 128, 0.8, VerifyMode.Estimate);
        var rows = JaccardBuckets.Compute(pairs, predicted, curve);
        Assert.Equal(
            ["0.00-0.30 1/0", "0.80-0.85 2/1", "0.95-1.00 2/1", "1.00-1.00 1/1"],
            rows.Select(r => FormattableString.Invariant($"{r.Low:F2}-{r.High:F2} {r.Pairs}/{r.Found}")));
        var bucket = rows.Single(r => r.Low == 0.8);
        Assert.Equal(new BandLayout(9, 13).CandidateProbability(0.8), bucket.SCurve, 12);
        Assert.Equal(0.5, bucket.Recall);
    }
}
