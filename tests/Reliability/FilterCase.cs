using CsCheck;

namespace Dedup.Reliability;

/// <summary>
/// One case of <see cref="FilterProperty"/>: a shard, which of its rows to remove (each with probability
/// <see cref="RemovedShare"/>, drawn from <see cref="Seed"/>), and whether to pass a content hash that is not
/// the shard's, as when the shard changed after its rows were chosen.
/// </summary>
public sealed record FilterCase(ShardSample Shard, double RemovedShare, int Seed, bool WrongHash)
{
    public static readonly Gen<FilterCase> Any = Gen.Select(ShardSamples.Any, Gen.Double[0, 1], Gen.Int, Gen.Int[0, 9], (shard, share, seed, wrong) =>
        new FilterCase(shard, share, seed, wrong == 0));

    public long[] RemovedRows(int rows)
    {
        var choices = new Random(Seed);
        return [.. Enumerable.Range(0, rows).Where(_ => choices.NextDouble() < RemovedShare).Select(r => (long)r)];
    }

    public override string ToString() => $"{Shard}; remove {RemovedShare:P0} of the rows (seed {Seed}){(WrongHash ? "; a wrong content hash" : "")}";
}
