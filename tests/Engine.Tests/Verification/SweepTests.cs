using Dedup.Engine.Reporting;
using Dedup.Engine.Tests.EndToEnd;

namespace Dedup.Engine.Tests.Verification;

/// <summary>
/// --sweep re-verifies the run's candidate pairs at other thresholds without re-signing, with the bands
/// chosen for the lowest threshold swept: each row is what a run at its threshold gives. Before, the
/// sweep reused the 0.8 banding and said 2,226 / 1,650 documents for 0.7 / 0.9 where real runs
/// removed 2,591 / 1,490. A run folder planned again at another threshold keeps its signatures.
/// </summary>
public sealed class SweepTests
{
    private static readonly string Shards = Path.Combine(TestPaths.Devmix, "shards");

    [Fact]
    public void EachSweepRowIsARunAtItsThresholdWithTheSameBandsAndNearARunThatChoseItsOwn()
    {
        using var temp = new TempFolder();
        var sweep = DedupRun.Execute(DevmixRunFixture.Options(Shards, temp.PathOf("sweep")) with { Sweep = [0.7, 0.9] }, new CollectingLog());
        var (bands, rows) = (sweep.Parameters.Bands, sweep.Parameters.Rows);

        foreach (double threshold in new[] { 0.7, 0.8, 0.9 })
        {
            var row = threshold == 0.8 ? Row(sweep) : sweep.Sweep.Single(p => p.Threshold == threshold);
            var sameBands = DedupRun.Execute(
                DevmixRunFixture.Options(Shards, temp.PathOf($"same-{threshold}")) with { Threshold = threshold, Bands = bands, Rows = rows },
                new CollectingLog());
            Assert.Equal(Row(sameBands), row);

            var ownBands = DedupRun.Execute(DevmixRunFixture.Options(Shards, temp.PathOf($"own-{threshold}")) with { Threshold = threshold }, new CollectingLog());
            double difference = Math.Abs(ownBands.Documents.Removed - row.DocumentsRemoved) / (double)ownBands.Documents.Removed;
            Assert.True(difference <= 0.005, $"at {threshold}: the sweep says {row.DocumentsRemoved} removed, a run choosing its own bands {ownBands.Documents.Removed}");
        }
    }

    [Fact]
    public void ARunFolderPlannedAgainAtAnotherThresholdKeepsItsSignaturesAndGivesThatRun()
    {
        using var temp = new TempFolder();
        string runDir = temp.PathOf("run");
        DedupRun.Execute(DevmixRunFixture.Options(Shards, temp.PathOf("first")) with { RunDir = runDir, Sweep = [0.7] }, new CollectingLog());
        string signed = Path.Combine(runDir, "signatures", "task-00000", "done.json");
        var signedAt = File.GetLastWriteTimeUtc(signed);

        var log = new CollectingLog();
        var again = DedupRun.Execute(DevmixRunFixture.Options(Shards, temp.PathOf("again")) with { RunDir = runDir, Threshold = 0.7 }, log);

        Assert.Equal(signedAt, File.GetLastWriteTimeUtc(signed));
        Assert.Contains(log.Lines, line => line.Contains("its signatures and buckets are kept", StringComparison.Ordinal));
        var fresh = DedupRun.Execute(
            DevmixRunFixture.Options(Shards, temp.PathOf("fresh")) with { Threshold = 0.7, Bands = again.Parameters.Bands, Rows = again.Parameters.Rows },
            new CollectingLog());
        SameOutputs.Assert(temp.PathOf("fresh"), temp.PathOf("again"));
        Assert.Equal(fresh.Documents.Removed, again.Documents.Removed);
    }

    [Fact]
    public void AFolderBandedForAHigherThresholdSaysWhyItCannotServeALowerOne()
    {
        using var temp = new TempFolder();
        string runDir = temp.PathOf("run");
        DedupRun.Execute(DevmixRunFixture.Options(Shards, temp.PathOf("first")) with { RunDir = runDir }, new CollectingLog());

        var refused = Assert.Throws<UsageException>(() =>
            DedupRun.Execute(DevmixRunFixture.Options(Shards, temp.PathOf("again")) with { RunDir = runDir, Threshold = 0.7 }, new CollectingLog()));

        Assert.Contains("was banded for threshold 0.8 (18 bands x 6 rows); threshold 0.7 needs the bands chosen for it", refused.Message);
        Assert.Contains("Give --bands 18 --rows 6 to keep this folder's bands", refused.Message);
    }

    private static SweepPoint Row(RunReport report) =>
        new(report.Parameters.Threshold, report.Clusters.Count, report.Documents.Removed, report.TextBytes.Removed);
}
