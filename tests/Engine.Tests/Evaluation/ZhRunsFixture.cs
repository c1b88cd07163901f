using Dedup.Engine.Evaluation;
using Dedup.Engine.Plan;
using Dedup.Engine.Tests.EndToEnd;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Tests.Evaluation;

/// <summary>
/// The Chinese corpus deduplicated at the defaults with several permutation seeds, each run scored
/// against the families truth: pooling seeds gives each Jaccard bucket enough observations for
/// recall to be compared with the curves to a few hundredths.
/// </summary>
public sealed class ZhRunsFixture : IDisposable
{
    public static readonly ulong[] Seeds = [42, 1, 2, 3, 4, 5, 6, 7];

    public ZhRunsFixture()
    {
        Temp = new TempFolder();
        Truth = ZhCorpus.Truth();
        foreach (ulong seed in Seeds)
        {
            string output = Temp.PathOf($"seed-{seed}");
            DedupRun.Execute(new DedupOptions { Inputs = [ZhCorpus.Shards], Output = output, Device = DeviceKind.Cpu, Seed = seed }, new CollectingLog());
            Folders.Add(output);
            Runs.Add((PredictedClusters.Read(output), EvalRun.Execute(new EvalOptions { RunFolder = output, TruthFile = ZhCorpus.TruthFile })));
        }
    }

    public TempFolder Temp { get; }

    public List<ZhCorpus.Entry> Truth { get; }

    public List<(PredictedClusters Clusters, EvalReport Eval)> Runs { get; } = [];

    /// <summary>Each seed's output folder, for scoring against other truths.</summary>
    public List<string> Folders { get; } = [];

    public void Dispose() => Temp.Dispose();
}
