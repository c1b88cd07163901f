using Dedup.Engine.Evaluation;
using Dedup.Engine.Plan;
using Xunit.Abstractions;

namespace Dedup.Engine.Tests.EndToEnd;

/// <summary>Issue 2's quality bar on ../shared/data/devmix at the default threshold 0.8.</summary>
public sealed class DevmixTests(DevmixRunFixture run, ITestOutputHelper output) : IClassFixture<DevmixRunFixture>
{
    [Theory]
    [InlineData("exact")]
    [InlineData("wscase")]
    public void EveryIdenticalOrWhitespaceCaseVariantLandsInItsSeedsCluster(string profile)
    {
        var clusterOf = ClusterSets.ClusterOf(run.Clusters);
        var variants = run.Variants.Where(v => v.Profile == profile).ToList();
        Assert.NotEmpty(variants);
        var missed = variants.Where(v => !clusterOf.TryGetValue(v.Id, out int c) || !clusterOf.TryGetValue(v.SeedId, out int s) || c != s).ToList();
        Assert.True(missed.Count == 0, $"{missed.Count} of {variants.Count} {profile} variants not with their seed, e.g. {string.Join(", ", missed.Take(5).Select(v => v.Id))}");
    }

    [Fact]
    public void AtMostFivePercentOfMediumVariantsMergeWithTheirSeed()
    {
        var clusterOf = ClusterSets.ClusterOf(run.Clusters);
        var medium = run.Variants.Where(v => v.Profile == "medium").ToList();
        int merged = medium.Count(v => clusterOf.TryGetValue(v.Id, out int c) && clusterOf.TryGetValue(v.SeedId, out int s) && c == s);
        output.WriteLine($"medium variants merged with their seed: {merged} of {medium.Count}");
        Assert.NotEmpty(medium);
        Assert.True(merged <= 0.05 * medium.Count, $"{merged} of {medium.Count} medium variants merged with their seed");
    }

    [Fact]
    public void ReportCountsEveryRecordAndTheRemovedOnes()
    {
        var d = run.Report.Documents;
        Assert.Equal(28917, d.Records);
        Assert.Equal(d.Records, d.Kept + d.Removed);
        Assert.Equal(run.Clusters.Sum(c => c.Members.Length - 1), d.Removed);
        Assert.Equal(18, run.Report.Parameters.Bands);
        Assert.Equal(6, run.Report.Parameters.Rows);
    }

    [Fact]
    public void ShuffledShardOrderSmallMemoryAndOtherTaskCountsGiveIdenticalClusters()
    {
        using var temp = new TempFolder();
        string input = temp.PathOf("in");
        Directory.CreateDirectory(input);
        var shards = Directory.GetFiles(Path.Combine(TestPaths.Devmix, "shards")).Order(StringComparer.Ordinal).ToArray();
        // Renaming reverses the order in which the shards are read, so every document gets another index.
        for (int i = 0; i < shards.Length; i++)
        {
            File.Copy(shards[i], Path.Combine(input, $"{(char)('z' - i)}.jsonl.gz"));
        }

        var options = DevmixRunFixture.Options(input, temp.PathOf("out")) with { MemoryBytes = MemoryBudget.Minimum, Tasks = 3, Partitions = 5 };
        DedupRun.Execute(options, new CollectingLog());
        var shuffled = ClustersFile.Read(temp.PathOf("out"));
        Assert.Equal(ClusterSets.Canonical(run.Clusters), ClusterSets.Canonical(shuffled));
    }
}
