using Dedup.Engine.Evaluation;

namespace Dedup.Engine.Tests.Evaluation;

public sealed class PairScoresTests
{
    [Fact]
    public void OverlappingClustersScoreHalfOfTheirPairs()
    {
        // Predicted pairs ab ac bc de; truth pairs ab cd ce de; ab and de are in both.
        var predicted = Groups(["a", "b", "c"], ["d", "e"]);
        var truth = Groups(["a", "b"], ["c", "d", "e"]);
        var s = PairScores.Compute(predicted, truth);
        Assert.Equal((4L, 4L, 2L), (s.Predicted, s.Truth, s.Both));
        Assert.Equal(0.5, s.Precision, 12);
        Assert.Equal(0.5, s.Recall, 12);
        Assert.Equal(0.5, s.F1, 12);
    }

    [Fact]
    public void MergingTwoFamiliesHalvesPrecisionAndMissingOneLowersRecall()
    {
        // One cluster of abcd (6 pairs) over the families ab, cd, ef (3 pairs): 2 pairs right.
        var s = PairScores.Compute(Groups(["a", "b", "c", "d"]), Groups(["a", "b"], ["c", "d"], ["e", "f"]));
        Assert.Equal((6L, 3L, 2L), (s.Predicted, s.Truth, s.Both));
        Assert.Equal(1.0 / 3, s.Precision, 12);
        Assert.Equal(2.0 / 3, s.Recall, 12);
        Assert.Equal(4.0 / 9, s.F1, 12);
    }

    [Fact]
    public void NoPredictedClustersHavePrecisionOneAndRecallZero()
    {
        var s = PairScores.Compute(Groups(), Groups(["a", "b"]));
        Assert.Equal((1.0, 0.0, 0.0), (s.Precision, s.Recall, s.F1));
    }

    [Fact]
    public void HugeClustersAreCountedFromSizesNotByListingPairs()
    {
        // 200,000 documents in one cluster: 2e10 pairs, which no pair list could hold.
        var ids = Enumerable.Range(0, 200_000).Select(i => $"d{i}").ToArray();
        var s = PairScores.Compute(Groups(ids), Groups(ids[..100_000], ids[100_000..]));
        Assert.Equal(19_999_900_000L, s.Predicted);
        Assert.Equal(9_999_900_000L, s.Truth);
        Assert.Equal(9_999_900_000L, s.Both);
        Assert.Equal(1.0, s.Recall, 12);
    }

    internal static IdPartition Groups(params string[][] groups) => IdPartition.FromGroups(groups);
}
