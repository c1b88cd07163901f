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
    public void BadArgumentsAreUsageErrors()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", BadInputTests.Line("a", Doc) + BadInputTests.Line("b", Doc));
        Assert.Equal(0, CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "cpu").ExitCode);
        Assert.Equal(1, CliRunner.Run("inspect", temp.PathOf("out")).ExitCode);
    }

    [Fact]
    public void WhatIsNotThereFailsLikeAMissingInputAndSaysWhy()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", BadInputTests.Line("doc-1", Doc) + BadInputTests.Line("doc-2", Doc) + BadInputTests.Line("doc-3", "unrelated words only here"));
        Assert.Equal(0, CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "cpu").ExitCode);

        var noCluster = CliRunner.Run("inspect", temp.PathOf("out"), "--cluster", "7");
        Assert.True(noCluster.ExitCode == 2, noCluster.ToString());
        Assert.Contains("dedup: error: there is no cluster 7", noCluster.Stderr);
        Assert.Contains("its one cluster is 0.", noCluster.Stderr);

        var unknown = CliRunner.Run("inspect", temp.PathOf("out"), "--id", "doc-4");
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("dedup: error: there is no document with the id 'doc-4' in the run's inputs", unknown.Stderr);
        Assert.Contains("the nearest ids are 'doc-1', 'doc-2', 'doc-3'.", unknown.Stderr);

        var unique = CliRunner.Run("inspect", temp.PathOf("out"), "--id", "doc-3");
        Assert.True(unique.ExitCode == 2, unique.ToString());
        Assert.Contains("dedup: error: 'doc-3' is in no cluster", unique.Stderr);
        Assert.Equal(string.Empty, unique.Stdout);
    }
}
