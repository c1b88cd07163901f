using Dedup.Engine.Progress;

namespace Dedup.Cli.Tests;

public sealed class ProgressTests
{
    [Fact]
    public void SigningShowsDocumentsMegabytesRateAndEta()
    {
        var progress = new RunProgress();
        progress.SetInputs(shards: 4, fileBytes: 1000);
        progress.Start("signatures");
        for (int i = 0; i < 1500; i++)
        {
            progress.Record(2000);
        }

        progress.ShardRead(250);
        // 3 MB in 10 s with a quarter of the input read: 0.3 MB/s, 30 s to go.
        string line = ProgressPrinter.Describe(progress, TimeSpan.FromSeconds(10));
        Assert.Equal("signatures: 1,500 documents, 3.0 MB, 0.3 MB/s, 25%, ETA 30s", line);
    }

    [Fact]
    public void TheLiveBarFillsWithTheInputRead()
    {
        var progress = new RunProgress();
        progress.SetInputs(shards: 2, fileBytes: 1000);
        progress.Start("signatures");
        progress.ShardRead(500);
        Assert.Equal("[##########..........] ", ProgressPrinter.Bar(progress));
        progress.Start("cluster");
        Assert.Equal(string.Empty, ProgressPrinter.Bar(progress));
    }

    [Fact]
    public void FilterShowsShardsWritten()
    {
        var progress = new RunProgress();
        progress.SetInputs(shards: 4, fileBytes: 1000);
        progress.Start("filter");
        progress.ShardWritten();
        Assert.Equal("filter: 1/4 shards written", ProgressPrinter.Describe(progress, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void QuietKeepsTheSummaryAndDropsInformation()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", BadInputTests.Line("a", "some words for a document here and more") + "not json\n");
        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--quiet", "--device", "cpu");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("backend:", r.Stderr);
        Assert.Contains("warning:", r.Stderr);
        Assert.Contains("removed 0 documents", r.Stdout);
    }
}
