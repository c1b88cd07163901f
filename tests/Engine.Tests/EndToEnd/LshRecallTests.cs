using Dedup.Engine.IO;
using Dedup.Engine.Lsh;
using Dedup.Kernels.Cpu;
using Dedup.Kernels.Signatures;
using Xunit.Abstractions;

namespace Dedup.Engine.Tests.EndToEnd;

/// <summary>
/// On devmix's seed/variant pairs, the chance that the engine's band keys make a pair a candidate
/// follows the LSH S-curve 1-(1-s^r)^b of the pair's exact Jaccard s (computed with the engine's
/// own shingles). Pooled over several permutation seeds so that each bucket has hundreds of pairs.
/// </summary>
public sealed class LshRecallTests(ITestOutputHelper output)
{
    private const int Seeds = 6;
    private static readonly BandLayout Layout = new(9, 13);

    [Fact]
    public void CandidateRecallPerJaccardBucketIsWithinFiveHundredthsOfTheCurve()
    {
        var variants = DevmixTruth.Variants();
        var wanted = variants.SelectMany(v => new[] { v.Id, v.SeedId }).ToHashSet(StringComparer.Ordinal);
        var texts = ReadTexts(wanted);
        var ids = texts.Keys.Order(StringComparer.Ordinal).ToList();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(t => t.id, t => t.i, StringComparer.Ordinal);
        var batch = DocumentBatch.From(ids.Select(id => texts[id]).ToList());

        var jaccard = variants.Select(v => ExactJaccard(texts[v.Id], texts[v.SeedId])).ToArray();
        var candidates = new bool[Seeds][];
        for (int s = 0; s < Seeds; s++)
        {
            var parameters = new SignatureParameters(5, 128, Layout.Bands, Layout.Rows, seed: (ulong)(1000 + s));
            using var backend = new CpuBackend(parameters);
            var signed = new SignatureBatch(parameters);
            backend.Compute(batch, signed);
            candidates[s] = variants.Select(v => ShareABand(signed, index[v.Id], index[v.SeedId])).ToArray();
        }

        var failures = new List<string>();
        output.WriteLine("bucket      pairs  observed  expected");
        for (double low = 0.3; low < 0.999; low += 0.1)
        {
            double high = low + 0.1;
            var members = Enumerable.Range(0, variants.Count).Where(i => jaccard[i] >= low && jaccard[i] < Math.Min(high, 1.0)).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            double observed = members.Average(i => candidates.Average(c => c[i] ? 1.0 : 0.0));
            double expected = members.Average(i => Layout.CandidateProbability(jaccard[i]));
            output.WriteLine($"[{low:F1},{high:F1})  {members.Count * Seeds,5}  {observed,8:F3}  {expected,8:F3}");
            if (members.Count * Seeds >= 100 && Math.Abs(observed - expected) > 0.05)
            {
                failures.Add($"[{low:F1},{high:F1}): observed {observed:F3}, expected {expected:F3}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    private static bool ShareABand(SignatureBatch signed, int a, int b)
    {
        if (signed.TokenCounts[a] == 0 || signed.TokenCounts[b] == 0)
        {
            return false;
        }

        var ka = signed.DocumentBandKeys(a);
        var kb = signed.DocumentBandKeys(b);
        for (int band = 0; band < ka.Length; band++)
        {
            if (ka[band] == kb[band])
            {
                return true;
            }
        }

        return false;
    }

    private static double ExactJaccard(byte[] a, byte[] b)
    {
        var sa = ReferenceSignature.Shingles(ReferenceSignature.Tokens(a), 5).ToHashSet();
        var sb = ReferenceSignature.Shingles(ReferenceSignature.Tokens(b), 5).ToHashSet();
        int common = sa.Count(sb.Contains);
        return sa.Count + sb.Count == 0 ? 1 : (double)common / (sa.Count + sb.Count - common);
    }

    private static Dictionary<string, byte[]> ReadTexts(HashSet<string> ids)
    {
        var texts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var options = new ReaderOptions(["text"], "id");
        foreach (var shard in ShardDiscovery.Discover([Path.Combine(TestPaths.Devmix, "shards")]))
        {
            using var reader = ShardReaders.Open(shard, options);
            while (reader.Read())
            {
                if (reader.Status == RecordStatus.Ok && ids.Contains(reader.Id))
                {
                    texts[reader.Id] = reader.Text.ToArray();
                }
            }
        }

        return texts;
    }
}
