using System.IO.Compression;
using CsCheck;
using ZstdSharp;

namespace Dedup.Reliability;

/// <summary>
/// Generated JSONL shards, plain, gzip or zstd: lines of every kind (<see cref="JsonlLines"/>) plus exact
/// copies of some of them (duplicates for dedup to find), each ended by LF or CRLF, sometimes a byte order
/// mark first and no newline after the last line; compressed data in one or two gzip members or zstd frames,
/// as concatenated files have.
/// </summary>
public static class JsonlShards
{
    public static readonly Gen<ShardSample> Plain = Of(".jsonl");

    public static readonly Gen<ShardSample> Gzip = Of(".jsonl.gz");

    public static readonly Gen<ShardSample> Zstd = Of(".jsonl.zst");

    private static Gen<ShardSample> Of(string suffix) =>
        Gen.Select(JsonlLines.Any.Array[0, 30], Gen.Int.Array[0, 8], Gen.Bool, Gen.Bool, Gen.Int, (lines, copies, byteOrderMark, lastNewline, seed) =>
        {
            var all = lines.Concat(lines.Length == 0 ? [] : copies.Select(c => lines[(int)((uint)c % lines.Length)])).ToArray();
            var choices = new Random(seed);
            var text = Text(all, byteOrderMark && all.Length > 0, lastNewline, choices);
            return new ShardSample(suffix, Compress(text, suffix, split: choices.Next(3) == 0), [.. all.Select(l => l.Expected)], "generated");
        });

    /// <summary>
    /// The file's text. A last line without its newline is still a row, except an empty one, which would not
    /// be there at all: that one keeps its newline.
    /// </summary>
    private static byte[] Text(GeneratedLine[] lines, bool byteOrderMark, bool lastNewline, Random choices)
    {
        using var text = new MemoryStream();
        if (byteOrderMark)
        {
            text.Write([0xEF, 0xBB, 0xBF]);
        }

        for (int i = 0; i < lines.Length; i++)
        {
            text.Write(lines[i].Bytes);
            bool last = i == lines.Length - 1;
            if (!last || lastNewline || lines[i].Bytes.Length == 0)
            {
                text.Write(choices.Next(3) == 0 ? "\r\n"u8 : "\n"u8);
            }
        }

        return text.ToArray();
    }

    /// <summary>The text compressed as the suffix says; <paramref name="split"/>: in two members or frames, cut in the middle.</summary>
    public static byte[] Compress(byte[] text, string suffix, bool split)
    {
        if (suffix == ".jsonl")
        {
            return text;
        }

        int cut = split ? text.Length / 2 : text.Length;
        return [.. Compress(text[..cut], suffix), .. split ? Compress(text[cut..], suffix) : []];
    }

    private static byte[] Compress(byte[] text, string suffix)
    {
        if (suffix == ".jsonl.zst")
        {
            using var zstd = new Compressor(3);
            return zstd.Wrap(text).ToArray();
        }

        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(text);
        }

        return packed.ToArray();
    }
}
