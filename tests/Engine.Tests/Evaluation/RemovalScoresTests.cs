using Dedup.Engine.Evaluation;

namespace Dedup.Engine.Tests.Evaluation;

public sealed class RemovalScoresTests
{
    [Fact]
    public void RemovingAllButOneOfEachFamilyIsRightWhicheverMemberIsKept()
    {
        // Families abc and de. The run keeps a of ab, an outsider x of cx, and e of de: b, c, d go,
        // and each family keeps a member, so all three removals are right and none is missing.
        var truth = PairScoresTests.Groups(["a", "b", "c"], ["d", "e"]);
        var s = RemovalScores.Compute(["b", "c", "d"], truth);
        Assert.Equal((3L, 3L, 3L, 1.0, 1.0), (s.Removed, s.ToRemove, s.Correct, s.Precision, s.Recall));
    }

    [Fact]
    public void RemovingAWholeFamilyOrASingletonIsWrong()
    {
        // Family ab is removed entirely (a cluster kept an outsider z); s is a singleton in the truth.
        var truth = PairScoresTests.Groups(["a", "b"], ["c", "d"]);
        var s = RemovalScores.Compute(["a", "b", "s"], truth);
        Assert.Equal((3L, 2L, 1L), (s.Removed, s.ToRemove, s.Correct));
        Assert.Equal(1.0 / 3, s.Precision, 12);
        Assert.Equal(0.5, s.Recall, 12);
    }
}
