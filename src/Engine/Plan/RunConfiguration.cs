using System.Text.Json.Serialization;
using Dedup.Engine.Clustering;
using Dedup.Engine.IO;
using Dedup.Engine.Lsh;
using Dedup.Kernels.Signatures;

namespace Dedup.Engine.Plan;

/// <summary>
/// Everything that decides a run's results, fixed by the plan: every task reads it from run.json,
/// so tasks on different machines cannot disagree, and report.json shows it as the run's parameters.
/// The device and thread count are not here: the signatures are bit-identical on every backend.
/// The derived views below are not written: they follow from the fields.
/// </summary>
public sealed record RunConfiguration(
    IReadOnlyList<string> TextFields,
    string IdField,
    int ShingleSize,
    int Permutations,
    double Threshold,
    int Bands,
    int Rows,
    bool BandsChosenFromThreshold,
    ulong Seed,
    VerifyMode Verify,
    string Keep,
    bool Strict,
    int MaxRecordBytes,
    IReadOnlyList<double> Sweep,
    string FoldTable)
{
    [JsonIgnore]
    public SignatureParameters Signature => new(ShingleSize, Permutations, Bands, Rows, Seed);

    [JsonIgnore]
    public KeepPolicy KeepPolicy => KeepPolicy.Parse(Keep);

    /// <summary>
    /// The threshold the bands are chosen for: the lowest of the threshold and the sweep, so that each row of a
    /// sweep is what a run at its threshold (with the same bands) gives.
    /// </summary>
    [JsonIgnore]
    public double BandingThreshold => BandingThresholdOf(Threshold, Sweep);

    public static double BandingThresholdOf(double threshold, IEnumerable<double> sweep) => sweep.Append(threshold).Min();

    [JsonIgnore]
    public ReaderOptions ReaderOptions => new(TextFields, IdField, KeepPolicy.KeyField, MaxRecordBytes);

    /// <summary>Whether documents signed under <paramref name="other"/> can be compared with this run's.</summary>
    public bool SignsLike(RunConfiguration other) =>
        (ShingleSize, Permutations, Bands, Rows, Seed, FoldTable) == (other.ShingleSize, other.Permutations, other.Bands, other.Rows, other.Seed, other.FoldTable);
}
