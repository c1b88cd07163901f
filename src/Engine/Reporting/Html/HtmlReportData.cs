namespace Dedup.Engine.Reporting.Html;

/// <summary>
/// What report.html shows: the run's report, and two lists report.json does not hold, the size
/// of every cluster and each removed document's estimated similarity to its cluster's keeper
/// (evenly sampled when there are more than a million).
/// </summary>
public sealed record HtmlReportData(RunReport Report, int[] ClusterSizes, double[] RemovedSimilarities);
