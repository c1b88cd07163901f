namespace Dedup.Engine.Output;

/// <summary>The fixed names of a run's outputs inside OUT.</summary>
public static class OutputNames
{
    public const string Clusters = "clusters.jsonl";
    public const string Report = "report.json";
    public const string ReportHtml = "report.html";
    public const string RemovedFolder = "removed";

    /// <summary>The removed rows of a shard: removed/&lt;shard's relative path&gt;.removed.jsonl.</summary>
    public static string Removed(string shardRelativePath) => $"{RemovedFolder}/{shardRelativePath}.removed.jsonl";

    /// <summary>Whether a shard's output would collide with one of the run's own files.</summary>
    public static bool IsReserved(string shardRelativePath) =>
        shardRelativePath is Clusters or Report or ReportHtml
        || shardRelativePath.StartsWith(RemovedFolder + "/", StringComparison.Ordinal);
}
