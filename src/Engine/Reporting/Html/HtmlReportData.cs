using Dedup.Engine.Clustering;
using Dedup.Engine.Pipeline;

namespace Dedup.Engine.Reporting.Html;

/// <summary>
/// What report.html shows: the run's report, and two lists report.json does not hold, the size
/// of every cluster and each removed document's estimated similarity to its cluster's keeper.
/// </summary>
public sealed record HtmlReportData(RunReport Report, int[] ClusterSizes, double[] RemovedSimilarities)
{
    /// <summary>The data of a finished run, with the similarities removed/*.removed.jsonl also gives.</summary>
    public static HtmlReportData From(RunReport report, ClusterResult clusters, SignatureStore signatures)
    {
        var sizes = clusters.Clusters.Select(c => c.Members.Length).ToArray();
        var similarities = clusters.Clusters
            .SelectMany(c => c.Members.Where(m => m != c.Keeper).Select(m => signatures.EstimatedJaccard(m, c.Keeper)))
            .ToArray();
        return new HtmlReportData(report, sizes, similarities);
    }
}
