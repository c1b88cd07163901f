using Dedup.Engine.Tests.EndToEnd;

namespace Dedup.Engine.Tests.Verification;

/// <summary>--sweep re-verifies the run's candidate pairs at other thresholds without re-signing.</summary>
public sealed class SweepTests(DevmixRunFixture run) : IClassFixture<DevmixRunFixture>
{
    [Fact]
    public void SweepPointAtTheRunsThresholdMatchesTheRunAndRemovalsFallAsTheThresholdRises()
    {
        using var temp = new TempFolder();
        var options = DevmixRunFixture.Options(Path.Combine(TestPaths.Devmix, "shards"), temp.PathOf("out")) with { Sweep = [0.7, 0.8, 0.9, 0.95] };
        var report = DedupRun.Execute(options, new CollectingLog());

        Assert.Equal(4, report.Sweep.Count);
        var atRunThreshold = report.Sweep.Single(p => p.Threshold == 0.8);
        Assert.Equal(run.Report.Documents.Removed, atRunThreshold.DocumentsRemoved);
        Assert.Equal(run.Report.TextBytes.Removed, atRunThreshold.BytesRemoved);
        Assert.Equal(run.Report.Clusters.Count, atRunThreshold.Clusters);
        for (int i = 1; i < report.Sweep.Count; i++)
        {
            Assert.True(report.Sweep[i].DocumentsRemoved <= report.Sweep[i - 1].DocumentsRemoved);
        }

        Assert.True(report.Sweep[0].DocumentsRemoved > report.Sweep[^1].DocumentsRemoved);
    }
}
