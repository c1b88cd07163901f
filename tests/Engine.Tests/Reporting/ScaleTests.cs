using Dedup.Engine.Reporting.Html;

namespace Dedup.Engine.Tests.Reporting;

public sealed class ScaleTests
{
    [Theory]
    [InlineData(0, 1, "0.0 0.2 0.4 0.6 0.8 1.0")]
    [InlineData(0, 11.1, "0 2 4 6 8 10")]
    [InlineData(0.6328125, 1, "0.7 0.8 0.9 1.0")]
    [InlineData(0, 2437, "0 500 1,000 1,500 2,000")]
    public void LinearTicksAreRoundNumbersInsideTheDomain(double min, double max, string expected)
    {
        var ticks = new LinearScale(min, max, 0, 100).Ticks();
        Assert.Equal(expected, string.Join(' ', ticks.Select(t => t.Label)));
    }

    [Fact]
    public void LinearScaleMapsTheDomainOntoTheRange()
    {
        var y = new LinearScale(0, 10, 300, 100);
        Assert.Equal(300, y.Map(0));
        Assert.Equal(200, y.Map(5));
        Assert.Equal(100, y.Map(10));
    }

    [Fact]
    public void CountLogScalePutsZeroOnTheBaselineAndOneAboveIt()
    {
        var y = new CountLogScale(830, 300, 0);
        Assert.Equal("0 1 10 100 1,000", string.Join(' ', y.Ticks().Select(t => t.Label)));
        Assert.Equal(300, y.Map(0));
        Assert.True(y.Map(1) < 300 - 20, "a single item must get a visible bar");
        Assert.Equal(0, y.Map(1000), 0);
    }
}
