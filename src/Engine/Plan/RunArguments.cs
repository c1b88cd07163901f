using System.Globalization;
using Dedup.Engine.Clustering;
using Dedup.Engine.Lsh;

namespace Dedup.Engine.Plan;

/// <summary>
/// A run's options as the user gave them: text as typed, null where an option was left out. The CLI
/// only fills this in; <see cref="Decide"/> is the one conversion into <see cref="DedupOptions"/>
/// (defaults from <see cref="RunDefaults"/>, the textual options parsed), and
/// <see cref="DedupOptions.Check"/> the one place every value is checked.
/// </summary>
public sealed record RunArguments
{
    public IReadOnlyList<string> Inputs { get; init; } = [];

    public string? TextField { get; init; }

    public string? IdField { get; init; }

    public int? ShingleSize { get; init; }

    public int? Permutations { get; init; }

    public double? Threshold { get; init; }

    public int? Bands { get; init; }

    public int? Rows { get; init; }

    public ulong? Seed { get; init; }

    /// <summary>estimate, exact or none.</summary>
    public string? Verify { get; init; }

    public bool NoVerify { get; init; }

    /// <summary>Comma-separated thresholds.</summary>
    public string? Sweep { get; init; }

    /// <summary>first, longest, newest:FIELD or max:FIELD.</summary>
    public string? Keep { get; init; }

    public bool Strict { get; init; }

    /// <summary>A size such as 512M or 4G.</summary>
    public string? Memory { get; init; }

    public int? CompressionLevel { get; init; }

    public int? Tasks { get; init; }

    public int? Partitions { get; init; }

    public IReadOnlyList<string> Against { get; init; } = [];

    /// <summary>The options these arguments give a run writing to <paramref name="output"/>.</summary>
    public DedupOptions Decide(string output) => new()
    {
        Inputs = Inputs,
        Output = output,
        TextFields = SplitFields(TextField ?? RunDefaults.TextField),
        IdField = IdField ?? RunDefaults.IdField,
        IdFieldGiven = IdField is not null,
        ShingleSize = ShingleSize ?? RunDefaults.ShingleSize,
        Permutations = Permutations ?? RunDefaults.Permutations,
        Threshold = Threshold ?? RunDefaults.Threshold,
        Bands = Bands,
        Rows = Rows,
        Seed = Seed ?? RunDefaults.Seed,
        Verify = VerifyModeOf(Verify, NoVerify),
        Sweep = Thresholds(Sweep),
        Keep = KeepPolicy.Parse(Keep ?? RunDefaults.Keep),
        Strict = Strict,
        MemoryBytes = MemoryBudget.Parse(Memory ?? RunDefaults.Memory),
        CompressionLevel = CompressionLevel,
        Tasks = Tasks ?? RunDefaults.Tasks,
        Partitions = Partitions ?? Tasks ?? RunDefaults.Tasks,
        Against = Against,
    };

    private static VerifyMode VerifyModeOf(string? value, bool noVerify)
    {
        VerifyMode? given = value is null ? null : VerifyModes.Parse(value);
        if (noVerify && given is not (null or VerifyMode.None))
        {
            throw new UsageException($"--no-verify contradicts --verify {value}; give one of them.");
        }

        return noVerify ? VerifyMode.None : given ?? RunDefaults.Verify;
    }

    private static double[] Thresholds(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var thresholds = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out thresholds[i]))
            {
                throw new UsageException($"--sweep {value}: '{parts[i]}' is not a number; give thresholds like 0.7,0.8,0.9.");
            }
        }

        return thresholds;
    }

    private static string[] SplitFields(string value)
    {
        var fields = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return fields.Length > 0 ? fields : throw new UsageException("--text-field: name at least one field.");
    }
}
