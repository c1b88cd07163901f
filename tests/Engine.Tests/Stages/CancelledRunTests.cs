using Dedup.Engine.Execution;
using Dedup.Engine.Output;
using Dedup.Engine.Ownership;
using Dedup.Engine.Plan;
using Dedup.Engine.Tests.EndToEnd;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Tests.Stages;

/// <summary>A run cancelled in any stage (as Ctrl-C and SIGTERM cancel it) leaves OUT as it was and no folder beside it, and resumes.</summary>
public sealed class CancelledRunTests
{
    [Theory]
    [InlineData("signatures")]
    [InlineData("buckets")]
    [InlineData("cluster")]
    [InlineData("filter")]
    [InlineData("report")]
    public void ARunCancelledAsAStageStartsLeavesNothingBesideOutAndResumesToTheOutputsOfAnUninterruptedRun(string stage)
    {
        using var temp = new TempFolder();
        var options = new DedupOptions { Inputs = [TestPaths.SamplesCorpus], Output = temp.PathOf("target/expected"), Device = DeviceKind.Cpu };
        DedupRun.Execute(options, new CollectingLog());
        options = options with { Output = temp.PathOf("target/out"), RunDir = temp.PathOf("run") };
        using var cancellation = new CancellationTokenSource();
        var progress = new RunProgress();
        progress.StageStarted += () =>
        {
            if (progress.Stage == stage)
            {
                cancellation.Cancel();
            }
        };

        var stopped = Assert.Throws<RunInterruptedException>(() => DedupRun.Execute(options, new CollectingLog(), progress, cancellation.Token));

        Assert.Contains($"{options.Output} is as it was", stopped.Message);
        Assert.Equal(["expected"], Directory.GetFileSystemEntries(temp.PathOf("target")).Select(Path.GetFileName));
        Assert.Empty(Directory.GetDirectories(temp.PathOf("run"), ".task-*", SearchOption.AllDirectories));
        DedupRun.Execute(options, new CollectingLog());
        SameOutputs.Assert(temp.PathOf("target/expected"), options.Output);
    }

    [Fact]
    public void ARunOnAnOutputThatIsLockedIsRefusedBeforeItWritesAnything()
    {
        using var temp = new TempFolder();
        var options = new DedupOptions { Inputs = [TestPaths.SamplesCorpus], Output = temp.PathOf("target/out"), Device = DeviceKind.Cpu };
        using var held = OutputDirectory.Lock(options.Output);

        var refused = Assert.Throws<InUseException>(() => DedupRun.Execute(options, new CollectingLog()));

        Assert.Contains($"{options.Output} is in use by dedup pid {Environment.ProcessId}", refused.Message);
        Assert.Equal([".out.dedup-lock"], Directory.GetFileSystemEntries(temp.PathOf("target")).Select(Path.GetFileName));
    }
}
