using System.Security.Cryptography;
using System.Text.Json;
using Dedup.Engine.IO;
using Dedup.Engine.RunFiles;

namespace Dedup.Engine.Plan;

/// <summary>
/// A shard as the plan fixed it: later tasks check that the file is still what was planned, by its size,
/// inode and modification time (nanoseconds since 1970), before they read it; the signature stage's content
/// hash then proves the bytes. The device is left out: a network file system's device number can differ
/// between the nodes of a Slurm run, where its inode numbers do not.
/// </summary>
public sealed record PlannedShard(string Path, string FullPath, ShardFormat Format, Compression Compression, long Bytes, ulong Inode, long ModifiedNanoseconds)
{
    internal static PlannedShard Of(Shard shard)
    {
        var file = FileStatus.Of(shard.FullPath);
        return new PlannedShard(shard.RelativePath, shard.FullPath, shard.Format, shard.Compression, shard.Length, file.Identity.Inode, file.ModifiedNanoseconds);
    }
}

/// <summary>An earlier run whose documents this run deduplicates against (--against).</summary>
public sealed record AgainstRun(string RunDir, string Hash);

/// <summary>
/// run.json: the sorted shards, the configuration, how the work is split into tasks, and a hash of
/// all of it. Every task checks the hash of the intermediate files it reads against its own, so
/// nothing made under another plan is ever mixed in.
/// </summary>
/// <param name="SignatureTasks">Each task's shard range [first, end); the filter stage uses the same.</param>
/// <param name="Partitions">Buckets tasks: each takes one range of band keys, of every band.</param>
/// <param name="CompressionLevel">--compression-level of compressed JSONL outputs; null for each format's default.</param>
/// <param name="SigningHash">The hash of what the signatures and buckets stages depend on: the plan without the threshold, the sweep, OUT, the memory and the compression level.</param>
public sealed record RunPlan(
    int FormatVersion,
    IReadOnlyList<string> Inputs,
    string Output,
    IReadOnlyList<PlannedShard> Shards,
    RunConfiguration Configuration,
    IReadOnlyList<int[]> SignatureTasks,
    int Partitions,
    long MemoryBytes,
    int? CompressionLevel,
    IReadOnlyList<AgainstRun> Against,
    string SigningHash,
    string Hash)
{
    public const int CurrentFormat = 2;

    public int TaskCount(Stage stage) => stage switch
    {
        Stage.Signatures or Stage.Filter => SignatureTasks.Count,
        Stage.Buckets => Partitions,
        _ => 1,
    };

    public OutputCompression OutputCompression => new(CompressionLevel);

    /// <summary>
    /// Fails when a shard is not the file the plan listed (its size, inode or modification time differ):
    /// results would silently mix two versions of it. A symbolic link is followed: its target is the shard.
    /// </summary>
    public void CheckUnchanged(Shard shard)
    {
        var planned = Shards[shard.Index];
        var file = FileStatus.Of(shard.FullPath);
        string? change = file switch
        {
            { Kind: FileKind.Missing } => "no longer exists",
            { Kind: not FileKind.Regular } => $"is now {file.KindName}",
            { Size: var size } when size != planned.Bytes => $"now has {size} bytes, not the {planned.Bytes} planned",
            { Identity.Inode: var inode } when inode != planned.Inode => $"is another file now (inode {inode}, not the {planned.Inode} planned: it was replaced)",
            { ModifiedNanoseconds: var modified } when modified != planned.ModifiedNanoseconds =>
                $"was modified after it was planned (modification time {Timestamp(modified)}, not the {Timestamp(planned.ModifiedNanoseconds)} planned)",
            _ => null,
        };
        if (change is not null)
        {
            throw new InputException(
                $"{shard.FullPath}: the shard {change}. Inputs must not change during a run; plan again into a new run folder.");
        }
    }

    private static string Timestamp(long nanoseconds) =>
        DateTime.UnixEpoch.AddTicks(nanoseconds / 100).ToString("yyyy-MM-dd HH:mm:ss.fffffff 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<Shard> ShardList() =>
        Shards.Select((s, i) => new Shard(i, s.FullPath, s.Path, s.Format, s.Compression, s.Bytes)).ToList();

    /// <summary>
    /// The hash a task of <paramref name="stage"/> is made under. The signatures and the verified candidate
    /// edges do not depend on the threshold, so a run folder planned again at another threshold keeps them
    /// (<see cref="RunPlanner.PlanOrResume"/>); the later stages belong to the whole plan.
    /// </summary>
    public string HashFor(Stage stage) => stage is Stage.Signatures or Stage.Buckets ? SigningHash : Hash;

    /// <summary>Whether <paramref name="other"/> differs from this plan only in what the stages after buckets decide.</summary>
    public bool SignsLike(RunPlan other) => SigningHash == other.SigningHash;

    /// <summary>The same plan with its hashes computed over everything else in it.</summary>
    public RunPlan Sealed()
    {
        var signing = this with
        {
            Output = string.Empty,
            MemoryBytes = 0,
            CompressionLevel = null,
            Configuration = Configuration with { Threshold = 0, Sweep = [], BandsChosenFromThreshold = false },
            SigningHash = string.Empty,
            Hash = string.Empty,
        };
        var withSigning = this with { SigningHash = HashOf(signing), Hash = string.Empty };
        return withSigning with { Hash = HashOf(withSigning) };
    }

    public void Save(string path) =>
        DurableFile.Write(path, stream => JsonSerializer.Serialize(stream, this, RunJson.Options));

    public static RunPlan Load(string runDir)
    {
        string path = Path.Combine(runDir, RunFileNames.Plan);
        if (!File.Exists(path))
        {
            throw new InputException($"{path} does not exist: {runDir} is not a run folder. Make one with `dedup plan INPUT --run-dir {runDir}`.");
        }

        RunPlan? plan;
        try
        {
            plan = JsonSerializer.Deserialize<RunPlan>(File.ReadAllBytes(path), RunJson.Options);
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not a readable run plan ({e.Message}).");
        }

        if (plan is null || plan.FormatVersion != CurrentFormat)
        {
            throw new InputException($"{path}: run plan format {plan?.FormatVersion} is not {CurrentFormat}; plan the run again with this version of dedup.");
        }

        var resealed = plan.Sealed();
        if (resealed.Hash != plan.Hash || resealed.SigningHash != plan.SigningHash)
        {
            throw new InputException($"{path} was changed after it was planned (its hash no longer matches). Plan again into a new run folder instead of editing run.json.");
        }

        return plan;
    }

    private static string HashOf(RunPlan plan)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(plan, RunJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(json))[..16];
    }
}
