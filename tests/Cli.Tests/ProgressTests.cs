using System.Globalization;
using System.Text.RegularExpressions;
using Dedup.Engine.Execution;

namespace Dedup.Cli.Tests;

public sealed class ProgressTests
{
    /// <summary>Plain lines this often in the tests' runs (stderr is redirected): every stage that lasts a little has some.</summary>
    private static readonly (string, string)[] ShortInterval = [(ProgressPrinter.IntervalVariable, "10")];

    private static readonly (string Stage, string Unit)[] Stages =
        [("signatures", "documents"), ("buckets", "band records"), ("cluster", "records"), ("filter", "rows")];

    [Fact]
    public void SigningShowsDocumentsMegabytesRateAndEta()
    {
        var progress = Started("signatures", "documents", [0], 1);
        progress.Expect(1000);
        progress.Add(1500, 3_000_000, 250);
        // 3 MB in 10 s with a quarter of the input signed: 0.3 MB/s, 30 s to go.
        string line = ProgressPrinter.Describe(progress, TimeSpan.FromSeconds(10));
        Assert.Equal("signatures: 1,500 documents, 3.0 MB, 0.3 MB/s, 25%, ETA 30s", line);
    }

    [Fact]
    public void SigningStaysBelowAHundredPercentUntilTheStageEnds()
    {
        // Every shard byte is signed, but the band runs are still sorted and written.
        var progress = Started("signatures", "documents", [0], 1);
        progress.Expect(1000);
        progress.Add(2000, 4_000_000, 1000);
        Assert.Equal("signatures: 2,000 documents, 4.0 MB, 1.0 MB/s, 99%", ProgressPrinter.Describe(progress, TimeSpan.FromSeconds(4)));
        Assert.Equal("[###################.] ", ProgressPrinter.Bar(progress));
    }

    [Fact]
    public void BucketsShowBandRecordsMerged()
    {
        var progress = Started("buckets", "band records", [2], 4);
        progress.Expect(24_000_000);
        progress.Add(250_000, 6_000_000);
        string line = ProgressPrinter.Describe(progress, TimeSpan.FromSeconds(3));
        Assert.Equal("buckets: 250,000 band records, 6.0 MB, 2.0 MB/s, 25%, ETA 9s", line);
    }

    [Fact]
    public void ClusterShowsRecordsReadAndKnowsNoEtaBeforeItsWorkIsKnown()
    {
        var progress = Started("cluster", "records", [0], 1);
        Assert.Equal("cluster: 0 records, 0.0 MB, 0.0 MB/s, 0%", ProgressPrinter.Describe(progress, TimeSpan.FromSeconds(1)));
        progress.Expect(10_000_000);
        progress.Add(100_000, 8_000_000);
        Assert.Equal("cluster: 100,000 records, 8.0 MB, 4.0 MB/s, 80%, ETA 0s", ProgressPrinter.Describe(progress, TimeSpan.FromSeconds(2)));
        progress.Add(25_000, 2_000_000);
        Assert.Equal("cluster: 125,000 records, 10.0 MB, 4.0 MB/s, 99%", ProgressPrinter.Describe(progress, TimeSpan.FromSeconds(2.5)));
    }

    [Fact]
    public void FilterCountsItsFinishedTasksAndTheCurrentOne()
    {
        var progress = Started("filter", "rows", [0, 1], 2);
        progress.Expect(1000);
        progress.Add(100, 1000);
        progress.TaskDone();
        progress.Expect(2000);
        progress.Add(50, 1000);
        // One task of two done and half of the other: 75%, and 6 s for three quarters leave 2 s.
        Assert.Equal("filter: 150 rows, 0.0 MB, 0.0 MB/s, 75%, ETA 2s", ProgressPrinter.Describe(progress, TimeSpan.FromSeconds(6)));
        progress.Add(50, 1000);
        progress.TaskDone();
        Assert.Equal("filter: 200 rows, 0.0 MB, 0.0 MB/s, 99%", ProgressPrinter.Describe(progress, TimeSpan.FromSeconds(8)));
    }

    [Fact]
    public void TheLiveBarFillsWithTheWorkDoneWhileTheStageRuns()
    {
        var progress = Started("cluster", "records", [0], 1);
        progress.Expect(1000);
        progress.Add(10, 500);
        Assert.Equal("[##########..........] ", ProgressPrinter.Bar(progress));
        progress.EndStage();
        Assert.Equal(string.Empty, ProgressPrinter.Bar(progress));
    }

    [Fact]
    public void StartAndEndLinesNameTheTasksAndTheSeconds()
    {
        Assert.Equal("buckets: started (task 2 of 4)", ProgressPrinter.Started(Started("buckets", "band records", [2], 4)));
        var progress = Started("filter", "rows", [1, 2, 3], 4);
        Assert.Equal("filter: started (3 tasks of 4)", ProgressPrinter.Started(progress));
        progress.Add(1234, 0);
        progress.EndStage();
        Assert.Matches(@"^filter: done in \d+\.\d s \(1,234 rows, 0\.0 MB, [\d.,]+ MB/s\)$", ProgressPrinter.Ended(progress));
    }

    [Fact]
    public void ARunLogsEveryStageStartedItsProgressAndDoneWithoutATerminal()
    {
        using var temp = new TempFolder();
        var r = CliRunner.RunWith(ShortInterval, "run", Path.Combine(TestPaths.Devmix, "shards"), "-o", temp.PathOf("out"), "--device", "cpu");
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = Lines(r.Stderr);
        int progressLines = 0, after = 0;
        foreach (var (stage, unit) in Stages)
        {
            int start = IndexOf(lines, $"dedup: {stage}: started (task 0 of 1)", after, r);
            progressLines += AssertStageLines(lines, start, stage, unit, r);
            after = start + 1;
        }

        Assert.True(progressLines > 0, r.ToString());
        Assert.DoesNotContain("100%", r.Stderr);
    }

    [Fact]
    public void EachStageCommandLogsItsStartedProgressAndDone()
    {
        using var temp = new TempFolder();
        string runDir = temp.PathOf("run");
        var plan = CliRunner.Run("plan", Path.Combine(TestPaths.Devmix, "shards"), "--run-dir", runDir, "--tasks", "2", "--partitions", "2");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        // As a Slurm array task runs it: one task, given by its index.
        AssertStageCommand(("signatures", "documents"), "task 1 of 2", "--run-dir", runDir, "--task-index", "1");
        AssertStageCommand(("signatures", "documents"), "task 0 of 2", "--run-dir", runDir);
        AssertStageCommand(("buckets", "band records"), "2 tasks of 2", "--run-dir", runDir);
        AssertStageCommand(("cluster", "records"), "task 0 of 1", "--run-dir", runDir);
        AssertStageCommand(("filter", "rows"), "2 tasks of 2", "--run-dir", runDir);
    }

    [Fact]
    public void QuietKeepsTheSummaryAndDropsInformation()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", BadInputTests.Line("a", "some words for a document here and more") + "not json\n");
        var r = CliRunner.RunWith(ShortInterval, "run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--quiet", "--device", "cpu");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("backend:", r.Stderr);
        AssertNoProgress(r);
        Assert.Contains("warning:", r.Stderr);
        Assert.Contains("removed 0 documents", r.Stdout);
    }

    [Fact]
    public void AQuietStageCommandLogsNoProgress()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", BadInputTests.Line("a", "some words for a document here and more"));
        string runDir = temp.PathOf("run");
        Assert.Equal(0, CliRunner.Run("plan", temp.PathOf("in"), "--run-dir", runDir).ExitCode);
        var r = CliRunner.RunWith(ShortInterval, "signatures", "--run-dir", runDir, "-q");
        Assert.Equal(0, r.ExitCode);
        AssertNoProgress(r);
        Assert.Contains("signatures: ran 1 task(s)", r.Stdout);
    }

    private static RunProgress Started(string stage, string unit, int[] tasks, int taskCount)
    {
        var progress = new RunProgress();
        progress.StartStage(stage, unit, tasks, taskCount);
        return progress;
    }

    private static void AssertStageCommand((string Stage, string Unit) stage, string tasks, params string[] args)
    {
        var r = CliRunner.RunWith(ShortInterval, [stage.Stage, .. args]);
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = Lines(r.Stderr);
        AssertStageLines(lines, IndexOf(lines, $"dedup: {stage.Stage}: started ({tasks})", 0, r), stage.Stage, stage.Unit, r);
        Assert.DoesNotContain("100%", r.Stderr);
    }

    /// <summary>
    /// After the start line at <paramref name="start"/>: the stage's progress lines, then its end line
    /// with its seconds and totals, and none of its progress lines after that. A stage that lasted half
    /// a second has progress lines (a hundred intervals); returns how many it had.
    /// </summary>
    private static int AssertStageLines(string[] lines, int start, string stage, string unit, CliRunner.Result r)
    {
        var end = new Regex($@"^dedup: {stage}: done in (\d+\.\d) s \([\d,]+ {unit}, [\d,]+\.\d MB, [\d,]+\.\d MB/s\)$");
        int last = Array.FindIndex(lines, start, l => end.IsMatch(l));
        Assert.True(last > start, $"no end line for {stage}\n{r}");
        var progress = new Regex($@"^dedup: {stage}: [\d,]+ {unit}, ");
        var lineFormat = new Regex($@"^dedup: {stage}: [\d,]+ {unit}, [\d,]+\.\d MB, [\d,]+\.\d MB/s, \d{{1,2}}%(, ETA \w+)?$");
        var during = lines[start..last].Where(l => progress.IsMatch(l)).ToList();
        Assert.All(during, l => Assert.Matches(lineFormat, l));
        Assert.DoesNotContain(lines[last..], l => progress.IsMatch(l));
        double seconds = double.Parse(end.Match(lines[last]).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(seconds < 0.5 || during.Count > 0, $"{stage} lasted {seconds} s without a progress line\n{r}");
        return during.Count;
    }

    private static void AssertNoProgress(CliRunner.Result r)
    {
        Assert.DoesNotContain(": started (", r.Stderr);
        Assert.DoesNotContain(": done in ", r.Stderr);
        Assert.DoesNotContain("MB/s", r.Stderr);
    }

    private static int IndexOf(string[] lines, string line, int from, CliRunner.Result r)
    {
        int index = Array.IndexOf(lines, line, from);
        Assert.True(index >= 0, $"no line '{line}'\n{r}");
        return index;
    }

    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
}
