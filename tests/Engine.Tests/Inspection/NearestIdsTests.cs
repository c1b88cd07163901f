using Dedup.Engine.Inspection;

namespace Dedup.Engine.Tests.Inspection;

public sealed class NearestIdsTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("reuters-1704", "reuters-1740", 2)]
    public void MeasuresEditDistance(string a, string b, int expected)
    {
        Assert.Equal(expected, NearestIds.Distance(a, b));
        Assert.Equal(expected, NearestIds.Distance(b, a));
    }

    [Fact]
    public void StopsAtTheBound()
    {
        Assert.Equal(2, NearestIds.Distance("kitten", "sitting", bound: 2));
        Assert.Equal(1, NearestIds.Distance("a", "abcdef", bound: 1));
    }

    [Fact]
    public void KeepsTheClosestFirstSeenFirstAmongEquals()
    {
        var nearest = new NearestIds("reuters-1704", count: 3);
        foreach (string id in new[] { "zh-0001", "reuters-1705", "reuters-17", "reuters-1703", "reuters-1704x", "en-0001" })
        {
            nearest.Offer(id);
        }

        Assert.Equal(["reuters-1705", "reuters-1703", "reuters-1704x"], nearest.Ids);
    }
}
