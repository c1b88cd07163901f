using Dedup.Engine.IO;
using Dedup.Engine.Plan;
using Dedup.Engine.Reporting;
using Dedup.Engine.RunFiles;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Text;

namespace Dedup.Engine.Stages.Signatures;

/// <summary>What a signature task counted, for the report.</summary>
/// <param name="RecordsPerShard">Records read from each shard of the task's range, in order.</param>
/// <param name="ContentHashes">Each shard's content hash as read (<see cref="ContentHashingStream"/>), in order: later readers prove the shard unchanged by it.</param>
public sealed record SignatureTaskStats(
    long Documents,
    long TextBytes,
    long WithoutTokens,
    IReadOnlyList<long> RecordsPerShard,
    IReadOnlyList<string> ContentHashes,
    IReadOnlyDictionary<string, long> RecordsByReason,
    IReadOnlyList<RecordProblem> ProblemExamples,
    int BandRuns,
    double ComputeSeconds,
    string Backend,
    string BackendReason);

/// <summary>
/// <c>dedup signatures --task-index I</c>: reads the task's shards and signs every document:
/// documents.bin, ids.bin, signatures.bin and one file of sorted band runs per partition.
/// </summary>
public sealed class SignatureTask : IStageTask
{
    public Stage Stage => Stage.Signatures;

    public string ProgressUnit => "documents";

    public void Run(int task, StageContext context)
    {
        var (run, progress) = (context.Run, context.Progress);
        var plan = run.Plan;
        var config = plan.Configuration;
        var range = plan.SignatureTasks[task];
        var shards = plan.ShardList().Skip(range[0]).Take(range[1] - range[0]).ToList();
        foreach (var shard in shards)
        {
            plan.CheckUnchanged(shard);
        }

        CheckFoldTable(config);
        progress.Expect(shards.Sum(s => s.Length));
        var budget = context.Budget;
        var choice = BackendFactory.Create(context.Device, config.Signature, context.Threads);
        using var backend = choice.Backend;
        context.Log.Info($"signatures task {task} (shards {range[0]}..{range[1] - 1}): backend: {backend.Name} ({choice.Reason})");

        var tally = new RecordTally(context.Log);
        using var writer = new TaskWriter(run, Stage.Signatures, task);
        double computeSeconds;
        SignatureTaskStats stats;
        using (var sink = new SignatureTaskWriter(writer, task, plan, budget.BandBufferBytes, context.Threads))
        {
            int batchBytes = Math.Min(budget.SignatureBatchBytes, backend.PreferredBatchBytes);
            int threads = context.Threads > 0 ? context.Threads : Environment.ProcessorCount;
            var settings = new SigningSettings(batchBytes, budget.SignatureBatchDocuments(config.Permutations), config.KeepPolicy, config.Strict, budget.SignatureReaders(batchBytes, threads));
            var loop = new SigningLoop(backend, config.ReaderOptions, settings, tally, progress);
            computeSeconds = loop.Run(shards, sink, context.Cancellation);
            int runs = sink.Complete();
            stats = new SignatureTaskStats(
                sink.Count, sink.TextBytes, sink.WithoutTokens,
                shards.Select(s => tally.RecordsIn(s.Index)).ToList(),
                loop.ContentHashes.Select(ContentHashingStream.Format).ToList(),
                tally.ByStatus.OrderBy(kv => kv.Key).ToDictionary(kv => RecordTally.ReasonName(kv.Key), kv => kv.Value),
                tally.Examples, runs, Math.Round(computeSeconds, 3), backend.Name, choice.Reason);
        }

        writer.Commit(stats);
    }

    /// <summary>
    /// Fails when this machine builds another fold table than the planning one did (another ICU
    /// version): its signatures would differ from the other tasks' without any other sign.
    /// </summary>
    private static void CheckFoldTable(RunConfiguration config)
    {
        string here = FoldTable.Default.Fingerprint.ToString("x16");
        if (here != config.FoldTable)
        {
            throw new InputException(
                $"this machine's fold table is {here}, the plan's {config.FoldTable}: its Unicode data (ICU) folds text differently, so its signatures would not match the other tasks'. "
                + "Run every task where .NET and ICU are the versions the run was planned with.");
        }
    }
}
