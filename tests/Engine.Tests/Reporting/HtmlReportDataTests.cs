using Dedup.Engine.Clustering;
using Dedup.Engine.Pipeline;
using Dedup.Engine.Reporting.Html;

namespace Dedup.Engine.Tests.Reporting;

public sealed class HtmlReportDataTests
{
    [Fact]
    public void FromTakesClusterSizesAndEachRemovedDocumentsSimilarityToItsKeeper()
    {
        // Four permutations: documents 1 and 2 share 3 and 2 values with document 0, document 4 all with 3.
        var signatures = new SignatureStore(4);
        uint[][] values = [[1, 2, 3, 4], [1, 2, 3, 9], [1, 2, 8, 9], [5, 6, 7, 8], [5, 6, 7, 8]];
        foreach (var signature in values)
        {
            signatures.Add(signature);
        }

        var clusters = new ClusterResult(
            [new DuplicateCluster(0, 0, [0, 1, 2]), new DuplicateCluster(1, 4, [3, 4])],
            [0, 0, 0, 1, 1]);
        var report = SampleReports.Create(["a.jsonl"]).Report;

        var data = HtmlReportData.From(report, clusters, signatures);

        Assert.Same(report, data.Report);
        Assert.Equal([3, 2], data.ClusterSizes);
        Assert.Equal([0.75, 0.5, 1.0], data.RemovedSimilarities);
    }
}
