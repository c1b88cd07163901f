using CsCheck;

namespace Dedup.Reliability;

/// <summary>The shards every property is driven with: generated ones in each format, and damaged copies of them.</summary>
public static class ShardSamples
{
    public static readonly Gen<ShardSample> Generated = Gen.Frequency(
        (3, JsonlShards.Plain), (2, JsonlShards.Gzip), (2, JsonlShards.Zstd), (2, ParquetShards.Any));

    /// <summary>A generated shard after one to four <see cref="ByteMutation"/>s; what it reads as is no longer known.</summary>
    public static readonly Gen<ShardSample> Mutated = Gen.Select(Generated, ByteMutation.Any.Array[1, 4], (sample, mutations) =>
        sample with
        {
            Bytes = mutations.Aggregate(sample.Bytes, (bytes, mutation) => mutation.ApplyTo(bytes)),
            Expected = null,
            Origin = $"mutated: {string.Join(", ", mutations.Select(m => m.ToString()))} of {sample.Origin}",
        });

    public static readonly Gen<ShardSample> Any = Gen.Frequency((2, Generated), (3, Mutated));
}
