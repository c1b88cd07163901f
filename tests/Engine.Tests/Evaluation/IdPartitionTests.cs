using Dedup.Engine.Evaluation;

namespace Dedup.Engine.Tests.Evaluation;

public sealed class IdPartitionTests
{
    [Fact]
    public void PairsCloseTransitivelyInOrderOfFirstMention()
    {
        var p = IdPartition.FromPairs([("a", "b"), ("e", "f"), ("c", "d"), ("b", "c")]);
        Assert.Equal(["a|b|c|d", "e|f"], p.Groups.Select(g => string.Join("|", g)));
        Assert.True(p.Together("a", "d"));
        Assert.False(p.Together("a", "e"));
        Assert.Equal(-1, p.GroupOf("z"));
        Assert.Equal(6, p.GroupedDocuments);
    }

    [Fact]
    public void RestrictingDropsGroupsLeftWithOneMember()
    {
        var p = PairScoresTests.Groups(["a", "b", "c"], ["d", "e"]).Restrict(id => id != "e");
        Assert.Equal(["a|b|c"], p.Groups.Select(g => string.Join("|", g)));
    }

    [Fact]
    public void AnIdInTwoGroupsIsRejected()
    {
        Assert.Throws<ArgumentException>(() => PairScoresTests.Groups(["a", "b"], ["b", "c"]));
    }
}
