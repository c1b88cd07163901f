using System.Text;
using Dedup.Engine.Evaluation;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Tests.Evaluation;

/// <summary>The prefix-filtering join finds exactly the pairs that comparing every pair finds.</summary>
public sealed class SimilarityJoinTests
{
    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.8)]
    [InlineData(3, 0.9)]
    [InlineData(4, 1.0)]
    [InlineData(5, 0.3)]
    public void RandomSetsWithPlantedNearDuplicatesJoinLikeBruteForce(int seed, double threshold)
    {
        var random = new Random(seed);
        var sets = new List<uint[]>();
        for (int i = 0; i < 400; i++)
        {
            // Every third set is an edited copy of an earlier one, so every similarity range is populated;
            // a small universe makes frequent values, which the rarest-first order must cope with.
            sets.Add(i % 3 == 2 && i > 0
                ? Edit(sets[random.Next(i)], random)
                : Distinct(Enumerable.Range(0, random.Next(0, 60)).Select(_ => (uint)random.Next(600))));
        }

        Assert.Equal(BruteForce(sets, threshold), SimilarityJoin.Join(sets, threshold));
    }

    [Fact]
    public void EngineShingleSetsOfEditedTextsJoinLikeBruteForce()
    {
        var random = new Random(7);
        var texts = new List<byte[]>();
        for (int i = 0; i < 150; i++)
        {
            var text = i % 2 == 1 ? Encoding.UTF8.GetString(texts[i - 1]) : Encoding.UTF8.GetString(RandomDocuments.Make(RandomDocuments.Kinds[random.Next(RandomDocuments.Kinds.Length)], random));
            texts.Add(Encoding.UTF8.GetBytes(i % 2 == 1 && text.Length > 10 ? text.Remove(random.Next(text.Length - 5), 3) : text));
        }

        var sets = texts.Select(t => EngineShingles.Set(t, 5)).ToList();
        Assert.Equal(BruteForce(sets, 0.6), SimilarityJoin.Join(sets, 0.6));
    }

    private static List<SimilarPair> BruteForce(List<uint[]> sets, double threshold)
    {
        var pairs = new List<SimilarPair>();
        for (int a = 0; a < sets.Count; a++)
        {
            for (int b = a + 1; b < sets.Count; b++)
            {
                if (sets[a].Length == 0 || sets[b].Length == 0)
                {
                    continue;
                }

                int common = sets[a].Intersect(sets[b]).Count();
                double jaccard = (double)common / (sets[a].Length + sets[b].Length - common);
                if (jaccard >= threshold)
                {
                    pairs.Add(new SimilarPair(a, b, jaccard));
                }
            }
        }

        return pairs;
    }

    private static uint[] Edit(uint[] set, Random random)
    {
        var edited = set.Where(_ => random.Next(10) != 0).ToList();
        edited.AddRange(Enumerable.Range(0, random.Next(0, 3)).Select(_ => (uint)random.Next(600)));
        return Distinct(edited);
    }

    private static uint[] Distinct(IEnumerable<uint> values) => values.Distinct().Order().ToArray();
}
