using Dedup.Engine.Plan;

namespace Dedup.Engine.Reporting;

/// <summary>report.json: what a run read, kept and removed, with which parameters, backend and timings.</summary>
public sealed record RunReport(
    string Tool,
    string Version,
    InputSummary Inputs,
    DocumentCounts Documents,
    ByteCounts TextBytes,
    FileBytes Files,
    RunConfiguration Parameters,
    BackendSummary Backend,
    LshSummary Lsh,
    ClusterSummary Clusters,
    IReadOnlyList<SweepPoint> Sweep,
    IReadOnlyDictionary<string, double> StageSeconds,
    IReadOnlyDictionary<string, long> PeakMemoryBytes,
    IReadOnlyList<RecordProblem> ProblemExamples,
    RepeatedIdSummary RepeatedIds);

/// <summary>
/// Documents whose id prints like an earlier document's (the number 1 and the string "1" both print as 1):
/// clusters.jsonl and removed/ cannot tell them apart, and eval and inspect, which match documents by id,
/// refuse the run. Each example names the document and the first one with its id.
/// </summary>
public sealed record RepeatedIdSummary(long Documents, IReadOnlyList<RepeatedIdExample> Examples)
{
    public string Warning() =>
        $"{Documents:N0} documents have the id of an earlier document" +
        (Examples.Count > 0 ? $" (e.g. '{Examples[0].Id}': {Examples[0].FirstFile} row {Examples[0].FirstRow} and {Examples[0].AgainFile} row {Examples[0].AgainRow})" : string.Empty) +
        "; clusters.jsonl and removed/ name them alike, and eval and inspect refuse this run. Give --id-field a field that is unique, or none (documents are then named FILE:ROW); report.json lists them under repeated_ids.";
}

public sealed record RepeatedIdExample(string Id, string FirstFile, long FirstRow, string AgainFile, long AgainRow);

/// <param name="Against">Run folders of earlier runs whose documents this run deduplicated against.</param>
public sealed record InputSummary(IReadOnlyList<string> Paths, IReadOnlyList<ShardSummary> Shards, IReadOnlyList<string> Against);

/// <param name="FileBytes">The input shard's size on disk.</param>
/// <param name="OutputFileBytes">Its deduplicated copy's size on disk; 0 until the filter has written it.</param>
/// <param name="ContentHash">XXH3-64 of the input shard's bytes as signed: eval and inspect read it again only if it is the same.</param>
public sealed record ShardSummary(string Path, string Format, string Compression, long FileBytes, long Records, long Signed, long Removed, long OutputFileBytes, string ContentHash);

/// <summary>Records read, signed (deduplicated), kept, removed; skipped and repaired ones by reason.</summary>
public sealed record DocumentCounts(
    long Records,
    long Signed,
    long Kept,
    long Removed,
    long WithoutTokens,
    long Repaired,
    IReadOnlyDictionary<string, long> Skipped);

public sealed record ByteCounts(long Read, long Kept, long Removed);

/// <summary>
/// Shard files on disk, compressed as they are: the inputs, and the deduplicated outputs (0 until the filter has
/// written them); and the run folder's intermediate files, every file the signatures, buckets and cluster tasks
/// recorded (0 until the report step adds them up).
/// </summary>
public sealed record FileBytes(long Input, long Output, long Intermediate = 0)
{
    /// <summary>Intermediate bytes per signed document.</summary>
    public double IntermediatePerDocument(long signed) => signed > 0 ? (double)Intermediate / signed : 0;
}


public sealed record BackendSummary(string Name, string Reason);

/// <summary>
/// Candidate edges (the pairs of each bucket that are verified: every pair of a small bucket, each member with the leader in a large one; counted once per band they share),
/// how many joined documents, and how many each check would reject (exact: null unless computed).
/// </summary>
public sealed record LshSummary(long CandidateEdges, long MergedEdges, long RejectedByEstimate, long? RejectedByExact, long ExactDuplicateGroups);

public sealed record ClusterSummary(long Count, long Documents, long Largest);
