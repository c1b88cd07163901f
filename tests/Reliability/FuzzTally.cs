using System.Collections.Concurrent;

namespace Dedup.Reliability;

/// <summary>How many cases of a fuzz target ran, by the kind of input and how each ended ("jsonl.gz mutated" / "ShardReadException").</summary>
public sealed class FuzzTally
{
    private readonly ConcurrentDictionary<(string Kind, string Outcome), int> counts = new();

    public int Cases => counts.Values.Sum();

    public IReadOnlyList<(string Kind, string Outcome, int Cases)> Counts =>
        [.. counts.OrderBy(c => c.Key.Kind, StringComparer.Ordinal).ThenBy(c => c.Key.Outcome, StringComparer.Ordinal).Select(c => (c.Key.Kind, c.Key.Outcome, c.Value))];

    /// <summary>Cases that ended as <paramref name="outcome"/>, of any kind.</summary>
    public int Ended(string outcome) => counts.Where(c => c.Key.Outcome == outcome).Sum(c => c.Value);

    public void Add(string kind, string outcome, int cases = 1) => counts.AddOrUpdate((kind, outcome), cases, (_, n) => n + cases);
}
