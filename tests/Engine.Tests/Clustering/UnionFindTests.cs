using Dedup.Engine.Clustering;

namespace Dedup.Engine.Tests.Clustering;

public sealed class UnionFindTests
{
    [Fact]
    public void RootIsTheSmallestMemberWhateverTheUnionOrder()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 50; trial++)
        {
            var sets = new UnionFind(40);
            var pairs = Enumerable.Range(0, 30).Select(_ => (random.Next(40), random.Next(40))).ToList();
            foreach (var (a, b) in pairs)
            {
                sets.Union(a, b);
            }

            // The same components computed naively.
            var component = Enumerable.Range(0, 40).ToArray();
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (var (a, b) in pairs)
                {
                    int m = Math.Min(component[a], component[b]);
                    if (component[a] != m || component[b] != m)
                    {
                        component[a] = component[b] = m;
                        changed = true;
                    }
                }
            }

            for (int x = 0; x < 40; x++)
            {
                Assert.Equal(component[x], sets.Find(x));
            }

            var roots = sets.Flatten();
            for (int x = 0; x < 40; x++)
            {
                Assert.Equal(component[x], roots[x]);
            }
        }
    }

    [Fact]
    public void UnionReportsWhetherItJoined()
    {
        var sets = new UnionFind(3);
        Assert.True(sets.Union(0, 2));
        Assert.False(sets.Union(2, 0));
        Assert.True(sets.Union(1, 2));
        Assert.Equal(0, sets.Find(1));
    }
}
