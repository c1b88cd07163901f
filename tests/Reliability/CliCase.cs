using CsCheck;

namespace Dedup.Reliability;

/// <summary>One case of <see cref="CliProperty"/>: the shards of a corpus, and the run's options that change what it must do.</summary>
/// <param name="Strict">--strict: the first bad record stops the run.</param>
/// <param name="RunFolder">--run-dir: the stages' files kept in a run folder, not a temporary one.</param>
public sealed record CliCase(ShardSample[] Shards, bool Strict, bool RunFolder)
{
    public static readonly Gen<CliCase> Any = Gen.Select(ShardSamples.Any.Array[1, 3], Gen.Int[0, 9], Gen.Bool, (shards, strict, runFolder) =>
        new CliCase(shards, strict == 0, runFolder));

    public override string ToString() =>
        $"{Shards.Length} shards{(Strict ? ", --strict" : "")}{(RunFolder ? ", --run-dir" : "")}: {string.Join("; ", Shards.Select((s, i) => $"s{i}: {s}"))}";
}
