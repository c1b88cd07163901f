namespace Dedup.Engine.IO;

/// <summary>
/// One input file. <see cref="RelativePath"/> (forward slashes) is unique within a run and names the
/// shard in reports and in the output folder; <see cref="Index"/> is its position in the sorted run.
/// </summary>
public sealed record Shard(int Index, string FullPath, string RelativePath, ShardFormat Format, Compression Compression, long Length);
