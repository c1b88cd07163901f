using Dedup.Engine.Ownership;
using Dedup.Engine.Plan;
using Dedup.Engine.Slurm;

namespace Dedup.Engine.Tests.Slurm;

public class StageProgressTests
{
    [Fact]
    public void ProgressCountsFinishedTasksAndSeesPartialAttempts()
    {
        using var f = new SlurmRunFixture(shards: 4, tasks: 4, partitions: 2);
        f.Finish(Stage.Signatures, 0, 1, 3);
        string partial = Path.Combine(f.Run.StageFolder(Stage.Signatures), ".task-00002.partial-node-3-4242-0123456789abcdef");
        Directory.CreateDirectory(partial);
        File.WriteAllText(Path.Combine(partial, "documents.bin"), "x");

        var progress = StageProgress.Of(f.Run);

        Assert.Equal([Stage.Signatures, Stage.Buckets, Stage.Cluster, Stage.Filter, Stage.Report], progress.Select(p => p.Stage));
        Assert.Equal([(3, 4), (0, 2), (0, 1), (0, 4), (0, 1)], progress.Select(p => (p.Finished, p.Total)));
        Assert.Equal([2], progress[0].Missing);
        var attempt = Assert.Single(progress[0].Attempts);
        Assert.Equal((2, new ProcessOwner("node-3", 4242), partial), (attempt.Task, attempt.Owner, attempt.Folder));
        Assert.Empty(progress[1].Attempts);
    }
}
