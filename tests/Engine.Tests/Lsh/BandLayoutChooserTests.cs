using Dedup.Engine.Lsh;

namespace Dedup.Engine.Tests.Lsh;

public sealed class BandLayoutChooserTests
{
    /// <summary>Expected layouts computed independently (midpoint-rule integration in Python, datasketch's objective).</summary>
    [Theory]
    [InlineData(0.8, 128, 9, 13)]
    [InlineData(0.5, 128, 25, 5)]
    [InlineData(0.9, 256, 9, 28)]
    [InlineData(0.7, 64, 8, 8)]
    public void ChoosesTheDatasketchOptimum(double threshold, int permutations, int bands, int rows)
    {
        Assert.Equal(new BandLayout(bands, rows), BandLayoutChooser.Choose(threshold, permutations));
    }

    [Fact]
    public void AVerifiedRunAtTheDefaultsBandsEighteenBySix()
    {
        var layout = BandLayoutChooser.ForVerifiedRun(0.8, 128);

        Assert.Equal(new BandLayout(18, 6), layout);
        Assert.True(layout.CandidateProbability(0.8) >= 0.995);
        Assert.True(new BandLayout(17, 6).CandidateProbability(0.8) < 0.995);
    }

    /// <summary>The most rows that can reach the recall, with the fewest bands that do; no layout with more rows reaches it.</summary>
    [Theory]
    [InlineData(0.5, 128)]
    [InlineData(0.7, 128)]
    [InlineData(0.8, 256)]
    [InlineData(0.9, 128)]
    [InlineData(0.95, 64)]
    public void AVerifiedRunReachesTheRecallAtItsThresholdWithTheMostRowsThatCan(double threshold, int permutations)
    {
        var layout = BandLayoutChooser.ForVerifiedRun(threshold, permutations);

        Assert.True(layout.Bands * layout.Rows <= permutations);
        Assert.True(layout.CandidateProbability(threshold) >= BandLayoutChooser.RecallAtThreshold, $"{layout}: {layout.CandidateProbability(threshold)}");
        Assert.True(new BandLayout(layout.Bands - 1, layout.Rows).CandidateProbability(threshold) < BandLayoutChooser.RecallAtThreshold);
        int moreRows = layout.Rows + 1;
        Assert.True(new BandLayout(permutations / moreRows, moreRows).CandidateProbability(threshold) < BandLayoutChooser.RecallAtThreshold);
    }

    [Fact]
    public void CandidateProbabilityIsTheSCurve()
    {
        var layout = new BandLayout(9, 13);
        Assert.Equal(0, layout.CandidateProbability(0), 12);
        Assert.Equal(1, layout.CandidateProbability(1), 12);
        Assert.Equal(1 - Math.Pow(1 - Math.Pow(0.8, 13), 9), layout.CandidateProbability(0.8), 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.5)]
    public void RejectsThresholdsOutsideTheOpenUnitInterval(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BandLayoutChooser.Choose(threshold, 128));
    }
}
