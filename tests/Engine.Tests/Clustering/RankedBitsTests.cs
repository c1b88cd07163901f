using Dedup.Engine.Clustering;

namespace Dedup.Engine.Tests.Clustering;

/// <summary>The rank structure the cluster numbers come from, against a naive count.</summary>
public sealed class RankedBitsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(513)]
    [InlineData(5000)]
    public void RankCountsTheSetBitsBelowEveryIndexUpToTheLength(int length)
    {
        var random = new Random(length);
        var bits = new RankedBits(length);
        var naive = new bool[length];
        for (int i = 0; i < length; i++)
        {
            if (random.Next(3) == 0)
            {
                bits.Set(i);
                naive[i] = true;
            }
        }

        bits.Seal();
        for (int i = 0; i <= length; i++)
        {
            Assert.Equal(naive.Take(i).Count(b => b), bits.Rank(i));
            Assert.True(i == length || naive[i] == bits.Get(i));
        }
    }
}
