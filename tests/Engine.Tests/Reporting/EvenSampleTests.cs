using Dedup.Engine.Reporting;

namespace Dedup.Engine.Tests.Reporting;

public sealed class EvenSampleTests
{
    [Fact]
    public void KeepsEverythingUntilFull()
    {
        var sample = new EvenSample<int>(8);
        for (int i = 0; i < 8; i++)
        {
            sample.Add(i);
        }

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], sample.ToArray());
    }

    [Theory]
    [InlineData(9)]
    [InlineData(100)]
    [InlineData(1000)]
    public void StaysBoundedAndEvenlySpacedFromTheFirstItem(int count)
    {
        var sample = new EvenSample<int>(8);
        for (int i = 0; i < count; i++)
        {
            sample.Add(i);
        }

        var kept = sample.ToArray();
        Assert.InRange(kept.Length, 4, 8);
        Assert.Equal(0, kept[0]);
        int stride = kept[1] - kept[0];
        Assert.True(stride >= count / 8);
        Assert.All(kept.Select((v, i) => (v, i)), t => Assert.Equal(t.i * stride, t.v));
        Assert.True(kept[^1] + stride >= count);
    }
}
