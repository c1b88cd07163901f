namespace Dedup.Engine.RunFiles;

/// <summary>
/// Every fixed name in a run folder, by the step that writes it. A task's files lie in
/// RUN_DIR/&lt;stage&gt;/task-NNNNN/ (<see cref="RunFolder.TaskFolder"/>); the names of what goes
/// into OUT are <see cref="Output.OutputNames"/>.
/// </summary>
public static class RunFileNames
{
    /// <summary>The plan (<c>dedup plan</c>), at the top of the run folder.</summary>
    public const string Plan = "run.json";

    /// <summary>
    /// The run folder's lock, at its top, held by <c>dedup plan</c> and <c>dedup run --run-dir</c>
    /// (never by a stage task: a stage's tasks run side by side; each holds its task's lock,
    /// <see cref="RunFolder.TaskLock"/>).
    /// </summary>
    public const string Lock = ".lock";

    /// <summary>Written last into a task's folder: the task finished (<see cref="TaskMarker"/>).</summary>
    public const string TaskDone = "done.json";

    /// <summary>Signatures: one <see cref="Records.DocumentRecord"/> per signed document, in signing order.</summary>
    public const string Documents = "documents.bin";

    /// <summary>Signatures: the documents' ids, UTF-8, back to back (documents.bin says where each lies).</summary>
    public const string Ids = "ids.bin";

    /// <summary>Signatures: permutations x uint32 per document.</summary>
    public const string Signatures = "signatures.bin";

    /// <summary>Signatures: each document's sorted, distinct shingle values (only when verifying exactly).</summary>
    public const string Shingles = "shingles.bin";

    /// <summary>Signatures: where each document's shingles start in shingles.bin (int64 per document, plus the end).</summary>
    public const string ShingleStarts = "shingle-starts.bin";

    /// <summary>Buckets: the verified candidate pairs and exact-duplicate links of the task's key range.</summary>
    public const string Edges = "edges.bin";

    /// <summary>Cluster: one <see cref="Records.Assignment"/> per clustered document of this run, by dense index.</summary>
    public const string Assignments = "assignments.bin";

    /// <summary>Cluster: what report.html plots besides report.json (cluster sizes, removed documents' similarities).</summary>
    public const string ReportPlots = "report-plots.json";
}
