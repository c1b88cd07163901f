namespace Dedup.Reliability;

/// <summary>Every fuzz target: the shard readers, the shard filter, and the whole <c>dedup run</c>.</summary>
public static class FuzzTargets
{
    public static readonly FuzzTarget Readers = new FuzzTarget<ShardSample>(
        "readers", ShardSamples.Any, s => s.Kind, ReaderProperty.Check, Environment.ProcessorCount);

    public static readonly FuzzTarget Filter = new FuzzTarget<FilterCase>(
        "filter", FilterCase.Any, c => c.Shard.Kind, FilterProperty.Check, Environment.ProcessorCount);

    /// <summary>One run at a time: each is a dedup process with a thread of its own, and a 10 s limit that a crowded machine must not trip.</summary>
    public static readonly FuzzTarget Cli = new FuzzTarget<CliCase>(
        "cli", CliCase.Any, c => $"{c.Shards.Length} shards", CliProperty.Check, 1);

    public static IReadOnlyList<FuzzTarget> All { get; } = [Readers, Filter, Cli];
}
