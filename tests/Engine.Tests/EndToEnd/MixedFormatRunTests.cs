using System.Text;
using System.Text.Json;
using Dedup.Engine.Evaluation;
using Dedup.Engine.IO;
using Dedup.Engine.Plan;
using Dedup.Engine.Tests.IO;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Tests.EndToEnd;

/// <summary>Duplicates across a .jsonl.zst shard and a Parquet shard: each output keeps its format and every other row.</summary>
public sealed class MixedFormatRunTests
{
    private static readonly string[] Texts =
    [
        "MinHash estimates the Jaccard similarity of two sets from their signatures of minimum hash values",
        "Locality sensitive hashing bands the signature so that similar documents collide in some band",
        "近重复文档检测是构建大语言模型训练数据的重要步骤之一，需要处理数十亿篇网页文档",
        "Union find joins the verified candidate pairs into clusters and one document of each is kept",
    ];

    [Fact]
    public async Task DuplicatesAcrossZstdAndParquetShardsAreRemovedFromTheLaterShard()
    {
        using var temp = new TempFolder();
        var jsonl = new StringBuilder();
        for (int i = 0; i < Texts.Length; i++)
        {
            jsonl.Append(JsonSerializer.Serialize(new { id = $"z{i}", text = Texts[i] })).Append('\n');
        }

        JsonlFiles.Write(temp, "in/a", jsonl.ToString(), Compression.Zstd);
        // b.parquet (read after a.jsonl.zst): a copy of text 0 in other case, an unrelated text, a copy of text 2 with full-width punctuation.
        await ParquetFiles.WriteStringsAsync(
            temp.PathOf("in/b.parquet"),
            ("id", ["p0", "p1", "p2"]),
            ("text", [Texts[0].ToUpperInvariant(), "an unrelated parquet document about something else entirely", Texts[2].Replace("，", ", ")]),
            ("extra", ["x0", null, "x2"]));

        var report = DedupRun.Execute(
            new DedupOptions { Inputs = [temp.PathOf("in")], Output = temp.PathOf("out"), Device = DeviceKind.Cpu },
            new CollectingLog());

        Assert.Equal(2, report.Documents.Removed);
        var parquetRows = await ParquetFiles.RenderRowsAsync(temp.PathOf("out/b.parquet"));
        Assert.Single(parquetRows);
        Assert.Contains("p1", parquetRows[0]);
        Assert.Contains("extra=null", parquetRows[0]);

        var zstd = ShardDiscovery.Discover([temp.PathOf("out/a.jsonl.zst")])[0];
        Assert.Equal(Texts.Length, JsonlFiles.ReadAll(zstd, new ReaderOptions(["text"], "id")).Count);
        Assert.Equal(2, ClustersFile.Read(temp.PathOf("out")).Count);
    }
}
