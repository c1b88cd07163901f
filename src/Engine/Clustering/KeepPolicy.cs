using System.Globalization;

namespace Dedup.Engine.Clustering;

/// <summary>
/// Which document of a cluster is kept (<c>--keep</c>): each document gets a rank, the highest rank
/// wins and ties go to the first document in (shard, row) order, so the choice is deterministic.
/// </summary>
public sealed record KeepPolicy
{
    private KeepPolicy(string name, string? keyField)
    {
        Name = name;
        KeyField = keyField;
    }

    /// <summary>The first document in (shard, row) order: every rank is equal.</summary>
    public static KeepPolicy First { get; } = new("first", null);

    /// <summary>The policy as given on the command line: first, longest, newest:FIELD, max:FIELD.</summary>
    public string Name { get; }

    /// <summary>The field whose value ranks documents, for newest and max.</summary>
    public string? KeyField { get; }

    public static KeepPolicy Parse(string value)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        string rule = colon < 0 ? value : value[..colon];
        string? field = colon < 0 ? null : value[(colon + 1)..];
        return (rule, field) switch
        {
            ("first", null) => First,
            ("longest", null) => new KeepPolicy("longest", null),
            ("newest" or "max", { Length: > 0 }) => new KeepPolicy(value, field),
            _ => throw new UsageException($"--keep {value}: give first, longest, newest:FIELD (latest date or number wins) or max:FIELD (largest number wins)."),
        };
    }

    /// <summary>
    /// The rank of a document with <paramref name="textBytes"/> of text and key field value <paramref name="key"/>.
    /// A missing or unreadable key ranks lowest (negative infinity).
    /// </summary>
    public double Rank(int textBytes, string? key)
    {
        if (KeyField is null)
        {
            return Name == "longest" ? textBytes : 0;
        }

        if (key is not null && double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return number;
        }

        // newest also reads dates and times (ISO 8601 and the like), as seconds since 1970 UTC.
        if (key is not null && Name.StartsWith("newest", StringComparison.Ordinal)
            && DateTimeOffset.TryParse(key, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.ToUnixTimeMilliseconds() / 1000.0;
        }

        return double.NegativeInfinity;
    }

    public override string ToString() => Name;
}
