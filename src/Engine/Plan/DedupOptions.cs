using Dedup.Engine.Clustering;
using Dedup.Engine.Lsh;
using Dedup.Engine.RunFiles.Records;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Signatures;

namespace Dedup.Engine.Plan;

/// <summary>
/// Everything <c>dedup run</c> is told, decided: defaults applied (<see cref="RunDefaults"/>) and text
/// parsed (<see cref="RunArguments.Decide"/>). <see cref="Check"/> is the one place the values are checked;
/// planning calls it, so a caller of the Engine that builds options by hand is checked alike.
/// </summary>
public sealed record DedupOptions
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public required string Output { get; init; }

    public bool Overwrite { get; init; }

    /// <summary>Fields whose text is deduplicated; several are joined with a newline.</summary>
    public IReadOnlyList<string> TextFields { get; init; } = [RunDefaults.TextField];

    /// <summary>Field that names a document; when absent, "&lt;relative path&gt;:&lt;row&gt;".</summary>
    public string IdField { get; init; } = RunDefaults.IdField;

    /// <summary>Whether <see cref="IdField"/> was named (--id-field): then the shards must have it, while the default may be absent.</summary>
    public bool IdFieldGiven { get; init; }

    public DeviceKind Device { get; init; } = DeviceKind.Auto;

    /// <summary>CPU threads for the CPU backend and the filter stage; 0 = all cores.</summary>
    public int Threads { get; init; }

    public int ShingleSize { get; init; } = RunDefaults.ShingleSize;

    public int Permutations { get; init; } = RunDefaults.Permutations;

    public double Threshold { get; init; } = RunDefaults.Threshold;

    /// <summary>Bands and rows; when null they are chosen from the threshold.</summary>
    public int? Bands { get; init; }

    public int? Rows { get; init; }

    public ulong Seed { get; init; } = RunDefaults.Seed;

    /// <summary>How candidate pairs are checked before they join two documents.</summary>
    public VerifyMode Verify { get; init; } = RunDefaults.Verify;

    /// <summary>Further thresholds to report clusters and removals for, reusing this run's candidate pairs.</summary>
    public IReadOnlyList<double> Sweep { get; init; } = [];

    /// <summary>Which document of a cluster is kept.</summary>
    public KeepPolicy Keep { get; init; } = KeepPolicy.Parse(RunDefaults.Keep);

    /// <summary>Stop at the first record that cannot be deduplicated instead of keeping it and counting it.</summary>
    public bool Strict { get; init; }

    /// <summary>The run folder that keeps the intermediate files (and makes a rerun resume); null for a temporary one.</summary>
    public string? RunDir { get; init; }

    /// <summary>The memory budget every stage sizes its buffers by (--memory).</summary>
    public long MemoryBytes { get; init; } = MemoryBudget.Parse(RunDefaults.Memory);

    /// <summary>Compression level of .jsonl.gz and .jsonl.zst outputs (--compression-level); null for each format's default.</summary>
    public int? CompressionLevel { get; init; }

    /// <summary>Signature (and filter) tasks: contiguous shard ranges of about equal bytes.</summary>
    public int Tasks { get; init; } = RunDefaults.Tasks;

    /// <summary>Buckets tasks: ranges of band keys.</summary>
    public int Partitions { get; init; } = RunDefaults.Tasks;

    /// <summary>Run folders of earlier runs: documents that duplicate their documents are removed.</summary>
    public IReadOnlyList<string> Against { get; init; } = [];

    /// <summary>
    /// Buckets tasks at most: a signatures task keeps one band file open per partition, and a process may
    /// open 20,000 files on a common Linux default (ulimit -Hn), shards, sidecars and the runtime's own included.
    /// </summary>
    public const int MaxPartitions = 4096;

    public double BandingThreshold => RunConfiguration.BandingThresholdOf(Threshold, Sweep);

    /// <summary>Without verification every candidate joins, so the banding must be the filter (datasketch's choice).</summary>
    private BandLayout ChosenLayout() => Verify == VerifyMode.None
        ? BandLayoutChooser.Choose(BandingThreshold, Permutations)
        : BandLayoutChooser.ForVerifiedRun(BandingThreshold, Permutations);

    /// <summary>
    /// Checks every value and returns the signature parameters they give, with bands x rows chosen from
    /// the threshold unless both are given. Throws <see cref="UsageException"/> naming the option.
    /// </summary>
    public (SignatureParameters Parameters, bool BandsChosen) Check()
    {
        if (Threshold is not (> 0 and < 1))
        {
            throw new UsageException($"--threshold {Threshold}: give a similarity strictly between 0 and 1, e.g. 0.8.");
        }

        if (Bands.HasValue != Rows.HasValue)
        {
            throw new UsageException("--bands and --rows go together: give both, or neither to choose them from --threshold.");
        }

        if (Sweep.Any(t => t is not (> 0 and < 1)))
        {
            throw new UsageException($"--sweep {string.Join(',', Sweep)}: every threshold must lie strictly between 0 and 1.");
        }

        if (Permutations is < 1 or > SignatureParameters.MaxPermutations)
        {
            throw new UsageException($"--num-perm {Permutations}: give 1 to {SignatureParameters.MaxPermutations} ({RunDefaults.Permutations} is the default).");
        }

        if (ShingleSize is < 1 or > SignatureParameters.MaxShingleSize)
        {
            throw new UsageException($"--ngram {ShingleSize}: give 1 to {SignatureParameters.MaxShingleSize} tokens per shingle ({RunDefaults.ShingleSize} is the default).");
        }

        if (Bands.HasValue && (Bands < 1 || Rows < 1 || (long)Bands * Rows!.Value > Permutations))
        {
            throw new UsageException($"--bands {Bands} --rows {Rows}: give at least 1 of each, with bands x rows at most the {Permutations} permutations.");
        }

        if (Partitions > MaxPartitions)
        {
            throw new UsageException($"--partitions {Partitions}: give at most {MaxPartitions}: every signatures task keeps one file open per partition.");
        }

        if (string.IsNullOrWhiteSpace(IdField))
        {
            throw new UsageException($"--id-field '{IdField}': give the name of the field that names each document (default: {RunDefaults.IdField}).");
        }

        if (Tasks < 1 || Partitions < 1 || Tasks >= DocumentRef.MaxTasks)
        {
            throw new UsageException($"--tasks {Tasks} --partitions {Partitions}: give at least 1 of each (and fewer than {DocumentRef.MaxTasks} tasks).");
        }

        if (Against.Count > DocumentRef.MaxRuns - 1)
        {
            throw new UsageException($"--against: at most {DocumentRef.MaxRuns - 1} earlier runs.");
        }

        var layout = Bands.HasValue ? new BandLayout(Bands.Value, Rows!.Value) : ChosenLayout();
        try
        {
            return (new SignatureParameters(ShingleSize, Permutations, layout.Bands, layout.Rows, Seed), !Bands.HasValue);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
