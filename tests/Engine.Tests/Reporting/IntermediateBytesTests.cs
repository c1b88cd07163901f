using Dedup.Engine.Tests.EndToEnd;

namespace Dedup.Engine.Tests.Reporting;

/// <summary>The report counts the run folder's intermediate files (issue 14 asks for the bytes a document), as they lie on disk.</summary>
public sealed class IntermediateBytesTests
{
    [Fact]
    public void TheReportsIntermediateBytesAreTheFilesTheStagesLeftInTheRunFolder()
    {
        using var temp = new TempFolder();
        string runDir = temp.PathOf("run");

        var report = DedupRun.Execute(DevmixRunFixture.Options(TestPaths.SamplesCorpus, temp.PathOf("out")) with { RunDir = runDir }, new CollectingLog());

        long onDisk = new[] { "signatures", "buckets", "cluster" }
            .SelectMany(stage => Directory.GetFiles(Path.Combine(runDir, stage), "*", SearchOption.AllDirectories))
            .Where(f => Path.GetFileName(f) != "done.json" && !f.EndsWith(".blocks", StringComparison.Ordinal))
            .Sum(f => new FileInfo(f).Length);
        Assert.Equal(onDisk, report.Files.Intermediate);
        Assert.True(report.Files.IntermediatePerDocument(report.Documents.Signed) > 512, "at least a document's 128 signature values");
    }
}
