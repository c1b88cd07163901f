namespace Dedup.Bench;

/// <summary><c>staged --json</c>: the machine, the corpus, the plan, every stage, and the run's report figures.</summary>
public sealed record StagedSummary(
    DateTimeOffset MeasuredAt,
    string Machine,
    string Corpus,
    int Shards,
    long CorpusFileBytes,
    long MemoryBudgetBytes,
    int Tasks,
    int Partitions,
    bool ProcessPerTask,
    IReadOnlyList<string> PlanOptions,
    long Records,
    long SignedDocuments,
    long TextBytes,
    long CandidateEdges,
    long MergedEdges,
    long ExactDuplicateGroups,
    long Clusters,
    long ClusteredDocuments,
    long LargestCluster,
    long Removed,
    double TotalWallSeconds,
    IReadOnlyList<StagedStage> Stages);
