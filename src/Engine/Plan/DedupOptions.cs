using Dedup.Engine.Clustering;
using Dedup.Engine.Lsh;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Plan;

/// <summary>Everything <c>dedup run</c> is told. Defaults are the documented ones (README, --help).</summary>
public sealed record DedupOptions
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public required string Output { get; init; }

    public bool Overwrite { get; init; }

    /// <summary>Fields whose text is deduplicated; several are joined with a newline.</summary>
    public IReadOnlyList<string> TextFields { get; init; } = ["text"];

    /// <summary>Field that names a document; when absent, "&lt;relative path&gt;:&lt;row&gt;".</summary>
    public string IdField { get; init; } = "id";

    /// <summary>Whether <see cref="IdField"/> was named (--id-field): then the shards must have it, while the default may be absent.</summary>
    public bool IdFieldGiven { get; init; }

    public DeviceKind Device { get; init; } = DeviceKind.Auto;

    /// <summary>CPU threads for the CPU backend and the filter stage; 0 = all cores.</summary>
    public int Threads { get; init; }

    public int ShingleSize { get; init; } = 5;

    public int Permutations { get; init; } = 128;

    public double Threshold { get; init; } = 0.8;

    /// <summary>Bands and rows; when null they are chosen from the threshold.</summary>
    public int? Bands { get; init; }

    public int? Rows { get; init; }

    public ulong Seed { get; init; } = 42;

    /// <summary>How candidate pairs are checked before they join two documents.</summary>
    public VerifyMode Verify { get; init; } = VerifyMode.Estimate;

    /// <summary>Further thresholds to report clusters and removals for, reusing this run's candidate pairs.</summary>
    public IReadOnlyList<double> Sweep { get; init; } = [];

    /// <summary>Which document of a cluster is kept.</summary>
    public KeepPolicy Keep { get; init; } = KeepPolicy.First;

    /// <summary>Stop at the first record that cannot be deduplicated instead of keeping it and counting it.</summary>
    public bool Strict { get; init; }

    /// <summary>The run folder that keeps the intermediate files (and makes a rerun resume); null for a temporary one.</summary>
    public string? RunDir { get; init; }

    /// <summary>The memory budget every stage sizes its buffers by (--memory).</summary>
    public long MemoryBytes { get; init; } = MemoryBudget.Default;

    /// <summary>Compression level of .jsonl.gz and .jsonl.zst outputs (--compression-level); null for each format's default.</summary>
    public int? CompressionLevel { get; init; }

    /// <summary>Signature (and filter) tasks: contiguous shard ranges of about equal bytes.</summary>
    public int Tasks { get; init; } = 1;

    /// <summary>Buckets tasks: ranges of band keys.</summary>
    public int Partitions { get; init; } = 1;

    /// <summary>Run folders of earlier runs: documents that duplicate their documents are removed.</summary>
    public IReadOnlyList<string> Against { get; init; } = [];
}
