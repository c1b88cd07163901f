using System.Text.Json;
using Dedup.Engine.Plan;
using Dedup.Engine.Tests.EndToEnd;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Tests.Evaluation;

/// <summary>
/// A finished run over seven documents whose clusters are certain: a/b and c/d are identical after
/// folding, g copies e, f is unrelated to all. Truth files are written next to it.
/// </summary>
internal sealed class TinyRun : IDisposable
{
    private static readonly string A = "minhash estimates the jaccard similarity of two sets from signatures of minimum hash values over many permutations";
    private static readonly string C = "locality sensitive hashing bands each signature so that similar documents collide in at least one band";
    private static readonly string E = "union find joins the verified candidate pairs into clusters and the first document of each cluster is kept";
    private static readonly string F = "parquet shards keep their row groups and every other column byte for byte when rows are filtered out";

    public TinyRun()
    {
        Temp = new TempFolder();
        Temp.Write("in/part-0.jsonl", Lines(("a", A), ("b", A), ("c", C), ("e", E)));
        Temp.Write("in/part-1.jsonl", Lines(("d", C.ToUpperInvariant()), ("f", F), ("g", E)));
        Output = Temp.PathOf("out");
        DedupRun.Execute(new DedupOptions { Inputs = [Temp.PathOf("in")], Output = Output, Device = DeviceKind.Cpu }, new CollectingLog());
    }

    public TempFolder Temp { get; }

    public string Output { get; }

    /// <summary>Families ab, cd, ef (f is not really a copy of e: a miss); g is alone (a false merge with e).</summary>
    public string FamiliesFile() => Temp.Write("families.jsonl", Lines(
        ("a", "a"), ("b", "a"), ("c", "c"), ("d", "c"), ("e", "e"), ("f", "e"), ("g", "g")).Replace("\"text\"", "\"family\""));

    public void Dispose() => Temp.Dispose();

    public static string Lines(params (string Id, string Text)[] rows) =>
        string.Concat(rows.Select(r => JsonSerializer.Serialize(new { id = r.Id, text = r.Text }) + "\n"));
}
