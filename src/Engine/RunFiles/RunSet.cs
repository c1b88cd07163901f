using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Dedup.Engine.IO;
using Dedup.Engine.Lsh;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles.Records;

namespace Dedup.Engine.RunFiles;

/// <summary>
/// This run and the runs it deduplicates against, with their finished signature tasks: opens their
/// files (<see cref="DocumentDetails"/> loads many documents' records, ids and signatures from
/// them) and looks up a document's record or shingle set by its <see cref="DocumentRef"/> (run 0 is
/// this run, run k the k-th --against run). Files are opened on first use and checked block by
/// block as they are read. Thread-safe.
/// </summary>
public sealed class RunSet : IDisposable
{
    private readonly IReadOnlyList<TaskMarker>[] signatureMarkers;
    private readonly long[][] taskStarts;
    private readonly ConcurrentDictionary<(int Run, int Task, string Name, Type Type), Lazy<IDisposable>> files = new();

    private RunSet(IReadOnlyList<RunFolder> runs, IReadOnlyList<TaskMarker>[] markers)
    {
        Runs = runs;
        signatureMarkers = markers;
        taskStarts = markers.Select(m =>
        {
            var starts = new long[m.Count + 1];
            for (int t = 0; t < m.Count; t++)
            {
                starts[t + 1] = starts[t] + m[t].Files[RunFileNames.Documents].Bytes / Marshal.SizeOf<DocumentRecord>();
            }

            return starts;
        }).ToArray();
    }

    public IReadOnlyList<RunFolder> Runs { get; }

    public RunFolder This => Runs[0];

    /// <summary>Signed documents of run <paramref name="run"/>.</summary>
    public long DocumentCount(int run) => taskStarts[run][^1];

    public IReadOnlyList<TaskMarker> SignatureMarkers(int run) => signatureMarkers[run];

    /// <summary>Opens this run (its signature stage finished, as <paramref name="stage"/> needs) and every --against run.</summary>
    public static RunSet Open(RunFolder run, Stage stage)
    {
        var runs = new List<RunFolder> { run };
        foreach (var against in run.Plan.Against)
        {
            var earlier = RunFolder.Open(against.RunDir);
            if (earlier.Plan.Hash != against.Hash)
            {
                throw new InputException($"{against.RunDir} was planned again since this run was planned against it (hash {earlier.Plan.Hash}, not {against.Hash}); plan this run again.");
            }

            if (earlier.MissingTasks(Stage.Cluster).Count > 0)
            {
                throw new InputException($"{against.RunDir}: its cluster stage has not finished; a run can only be deduplicated against a finished one.");
            }

            runs.Add(earlier);
        }

        var markers = runs.Select(r => r.RequireComplete(Stage.Signatures, stage)).ToArray();
        return new RunSet(runs, markers);
    }

    /// <summary>A document's index among its run's signed documents, in (shard, row) order.</summary>
    public long Dense(ulong reference) => taskStarts[DocumentRef.Run(reference)][DocumentRef.Task(reference)] + DocumentRef.Local(reference);

    /// <summary>The reference of run <paramref name="run"/>'s document with dense index <paramref name="dense"/>.</summary>
    public ulong Reference(int run, long dense)
    {
        // The last task that starts at or before dense (tasks without documents share their start with the next).
        var starts = taskStarts[run];
        int task = 0, high = starts.Length - 2;
        while (task < high)
        {
            int middle = (task + high + 1) / 2;
            (task, high) = starts[middle] <= dense ? (middle, high) : (task, middle - 1);
        }

        return DocumentRef.Pack(run, task, (uint)(dense - starts[task]));
    }

    public RecordFile<T> File<T>(int run, int task, string name)
        where T : unmanaged =>
        (RecordFile<T>)files.GetOrAdd(
            (run, task, name, typeof(T)),
            key => new Lazy<IDisposable>(() => Runs[key.Run].Open<T>(signatureMarkers[key.Run][key.Task], key.Name))).Value;

    public DocumentRecord Document(ulong reference) =>
        File<DocumentRecord>(DocumentRef.Run(reference), DocumentRef.Task(reference), RunFileNames.Documents).Read(DocumentRef.Local(reference));

    /// <summary>|A ∩ B| / |A ∪ B| of two documents' shingle sets (runs that verify exactly keep them).</summary>
    public double ExactJaccard(ulong a, ulong b) => SortedSets.Jaccard(ShingleSet(a), ShingleSet(b));

    public void Dispose()
    {
        foreach (var file in files.Values.Where(f => f.IsValueCreated))
        {
            file.Value.Dispose();
        }
    }

    private uint[] ShingleSet(ulong reference)
    {
        int run = DocumentRef.Run(reference);
        int task = DocumentRef.Task(reference);
        if (!signatureMarkers[run][task].Files.ContainsKey(RunFileNames.Shingles))
        {
            throw new InputException($"{Runs[run].Path} did not keep shingle sets (it was not planned with --verify exact), so exact verification against it is impossible.");
        }

        Span<long> bounds = stackalloc long[2];
        File<long>(run, task, RunFileNames.ShingleStarts).Read(DocumentRef.Local(reference), bounds);
        var values = new uint[bounds[1] - bounds[0]];
        File<uint>(run, task, RunFileNames.Shingles).Read(bounds[0], values);
        return values;
    }
}
