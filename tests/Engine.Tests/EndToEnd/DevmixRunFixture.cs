using Dedup.Engine.Evaluation;
using Dedup.Engine.Plan;
using Dedup.Engine.Reporting;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Tests.EndToEnd;

/// <summary>One default run over devmix on the CPU backend, shared by the tests that inspect it.</summary>
public sealed class DevmixRunFixture : IDisposable
{
    public DevmixRunFixture()
    {
        Temp = new TempFolder();
        Output = Temp.PathOf("out");
        Report = DedupRun.Execute(Options(Path.Combine(TestPaths.Devmix, "shards"), Output), new CollectingLog());
        Clusters = ClustersFile.Read(Output);
        Variants = DevmixTruth.Variants();
    }

    public TempFolder Temp { get; }

    public string Output { get; }

    public RunReport Report { get; }

    public List<ClusterLine> Clusters { get; }

    public List<DevmixTruth.Variant> Variants { get; }

    public static DedupOptions Options(string input, string output) => new()
    {
        Inputs = [input],
        Output = output,
        Device = DeviceKind.Cpu,
    };

    public void Dispose() => Temp.Dispose();
}
