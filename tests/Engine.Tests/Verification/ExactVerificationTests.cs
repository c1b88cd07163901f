using System.Text;
using System.Text.Json;
using Dedup.Engine.Lsh;
using Dedup.Engine.Plan;
using Dedup.Engine.Tests.EndToEnd;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Signatures;

namespace Dedup.Engine.Tests.Verification;

public sealed class ExactVerificationTests
{
    [Fact]
    public void SortedSetJaccardEqualsBruteForce()
    {
        var random = new Random(3);
        var sets = Enumerable.Range(0, 30)
            .Select(_ => Enumerable.Range(0, random.Next(0, 60)).Select(_ => (uint)random.Next(80)).Distinct().Order().ToArray())
            .ToList();
        for (int a = 0; a < sets.Count; a++)
        {
            for (int b = 0; b < sets.Count; b++)
            {
                var x = sets[a].ToHashSet();
                var y = sets[b].ToHashSet();
                double expected = x.Count + y.Count == 0 ? 1 : (double)x.Intersect(y).Count() / x.Union(y).Count();
                Assert.Equal(expected, SortedSets.Jaccard(sets[a], sets[b]), 12);
            }
        }
    }

    /// <summary>
    /// A pair whose MinHash estimate reaches 0.8 but whose true Jaccard does not: the estimate merges
    /// it, exact verification does not, and the report counts what each check rejected.
    /// </summary>
    [Fact]
    public void ExactVerificationRejectsAPairTheEstimateAccepts()
    {
        var (original, variant) = PairWithEstimateAboveAndExactBelow(0.8);
        using var temp = new TempFolder();
        temp.Write("in/s.jsonl", Line("a", original) + Line("b", variant));
        var options = new DedupOptions { Inputs = [temp.PathOf("in")], Output = temp.PathOf("est"), Device = DeviceKind.Cpu, Bands = 32, Rows = 4, Verify = VerifyMode.Estimate };

        var estimate = DedupRun.Execute(options, new CollectingLog());
        var exact = DedupRun.Execute(options with { Output = temp.PathOf("exact"), Verify = VerifyMode.Exact }, new CollectingLog());

        Assert.Equal(1, estimate.Documents.Removed);
        Assert.Equal(0, exact.Documents.Removed);
        // One pair, linked once in each band the two documents share.
        Assert.InRange(exact.Lsh.CandidateEdges, 1, 32);
        Assert.Equal(0, exact.Lsh.RejectedByEstimate);
        Assert.Equal(exact.Lsh.CandidateEdges, exact.Lsh.RejectedByExact);
        Assert.Null(estimate.Lsh.RejectedByExact);
        Assert.Equal(VerifyMode.Exact, exact.Parameters.Verify);
        Assert.Equal(["est", "exact", "in"], temp.Entries());
    }

    private static (string Original, string Variant) PairWithEstimateAboveAndExactBelow(double threshold)
    {
        var parameters = new SignatureParameters(5, 128, 32, 4, 42);
        var random = new Random(11);
        var words = Enumerable.Range(0, 400).Select(i => $"w{random.Next(100_000)}").ToArray();
        string original = string.Join(' ', words);
        var a = ReferenceSignature.Compute(Encoding.UTF8.GetBytes(original), parameters).Signature;
        var shinglesA = Shingles(original);
        for (int attempt = 0; attempt < 2000; attempt++)
        {
            var edited = (string[])words.Clone();
            for (int e = 0; e < 12; e++)
            {
                edited[random.Next(edited.Length)] = $"x{random.Next(100_000)}";
            }

            string variant = string.Join(' ', edited);
            var shinglesB = Shingles(variant);
            double exact = (double)shinglesA.Intersect(shinglesB).Count() / shinglesA.Union(shinglesB).Count();
            var b = ReferenceSignature.Compute(Encoding.UTF8.GetBytes(variant), parameters).Signature;
            double estimate = a.Zip(b).Count(t => t.First == t.Second) / 128.0;
            if (exact < threshold && estimate >= threshold)
            {
                return (original, variant);
            }
        }

        throw new InvalidOperationException("no such pair found; widen the search");
    }

    private static HashSet<uint> Shingles(string text) =>
        ReferenceSignature.Shingles(ReferenceSignature.Tokens(Encoding.UTF8.GetBytes(text)), 5).ToHashSet();

    private static string Line(string id, string text) => JsonSerializer.Serialize(new { id, text }) + "\n";
}
