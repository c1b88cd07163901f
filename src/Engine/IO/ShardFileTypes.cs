namespace Dedup.Engine.IO;

/// <summary>The file name endings the engine reads, and what each one means.</summary>
internal static class ShardFileTypes
{
    private static readonly (string Suffix, ShardFormat Format, Compression Compression)[] Types =
    [
        (".jsonl", ShardFormat.Jsonl, Compression.None),
        (".jsonl.gz", ShardFormat.Jsonl, Compression.Gzip),
        (".jsonl.zst", ShardFormat.Jsonl, Compression.Zstd),
        (".parquet", ShardFormat.Parquet, Compression.None),
    ];

    /// <summary>For messages: "*.jsonl, *.jsonl.gz, *.jsonl.zst, *.parquet".</summary>
    public static string SupportedList { get; } = string.Join(", ", Types.Select(t => "*" + t.Suffix));

    public static bool TryClassify(string fileName, out ShardFormat format, out Compression compression)
    {
        foreach (var (suffix, f, c) in Types)
        {
            // A bare ".jsonl" is a hidden file, not a shard with an empty name.
            if (fileName.Length > suffix.Length && fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                format = f;
                compression = c;
                return true;
            }
        }

        format = default;
        compression = default;
        return false;
    }
}
