namespace Dedup.Cli.Tests;

public sealed class InspectCommandTests
{
    private const string Doc = "the quick brown fox jumps over the lazy dog while the cat sleeps in the warm afternoon sun";

    [Fact]
    public void ShowsMembersSimilarityAndDiffAgainstTheKeptDocument()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", BadInputTests.Line("a", Doc) + BadInputTests.Line("b", Doc + " today") + BadInputTests.Line("c", "unrelated words only here"));
        Assert.Equal(0, CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "cpu").ExitCode);

        var byCluster = CliRunner.Run("inspect", temp.PathOf("out"), "--cluster", "0");
        Assert.True(byCluster.ExitCode == 0, byCluster.ToString());
        Assert.Contains("cluster 0: 2 documents, kept a", byCluster.Stdout);
        Assert.Contains("jaccard 0.933", byCluster.Stdout); // 14 of 15 shingles shared
        Assert.Contains("{+ today+}", byCluster.Stdout);

        var byId = CliRunner.Run("inspect", temp.PathOf("out"), "--id", "b");
        Assert.Equal(byCluster.Stdout, byId.Stdout);
    }

    [Fact]
    public void UnknownClustersAndIdsAndBadArgumentsAreUsageErrors()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", BadInputTests.Line("a", Doc) + BadInputTests.Line("b", Doc));
        Assert.Equal(0, CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "cpu").ExitCode);
        Assert.Equal(1, CliRunner.Run("inspect", temp.PathOf("out"), "--cluster", "7").ExitCode);
        Assert.Equal(1, CliRunner.Run("inspect", temp.PathOf("out"), "--id", "nope").ExitCode);
        Assert.Equal(1, CliRunner.Run("inspect", temp.PathOf("out")).ExitCode);
    }
}
