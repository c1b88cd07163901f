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
