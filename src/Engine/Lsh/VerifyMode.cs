using System.Text.Json.Serialization;

namespace Dedup.Engine.Lsh;

/// <summary>How a candidate pair is checked before it joins two documents (<c>--verify</c>); written by name in run.json and report.json.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerifyMode>))]
public enum VerifyMode
{
    /// <summary>Every candidate pair joins (pure LSH).</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>The MinHash estimate of Jaccard similarity must reach the threshold (the default).</summary>
    [JsonStringEnumMemberName("estimate")]
    Estimate,

    /// <summary>The exact Jaccard similarity of the two shingle sets must reach the threshold.</summary>
    [JsonStringEnumMemberName("exact")]
    Exact,
}

public static class VerifyModes
{
    /// <summary>The names --verify takes, in the order --help lists them.</summary>
    public static readonly IReadOnlyList<string> Names = [Name(VerifyMode.Estimate), Name(VerifyMode.Exact), Name(VerifyMode.None)];

    public static string Name(this VerifyMode mode) => mode.ToString().ToLowerInvariant();

    public static VerifyMode Parse(string name) =>
        Enum.GetValues<VerifyMode>().FirstOrDefault(m => m.Name() == name, (VerifyMode)(-1)) is var mode && Enum.IsDefined(mode)
            ? mode
            : throw new UsageException($"--verify {name}: give one of {string.Join(", ", Names)}.");
}
