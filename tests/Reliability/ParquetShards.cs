using System.Globalization;
using System.Text;
using CsCheck;
using Dedup.Engine.IO;
using Parquet;
using Parquet.Schema;

namespace Dedup.Reliability;

/// <summary>
/// Generated Parquet shards, written with Parquet.Net: a nullable text column, an id column of strings or
/// longs, and an extra column, in one to three row groups, with one of the codecs files come with.
/// </summary>
public static class ParquetShards
{
    private static readonly Gen<string?> Text = Gen.Frequency((12, Texts.Any.Select(t => (string?)t)), (1, Gen.Const(default(string))));

    private static readonly Gen<CompressionMethod> Codec =
        Gen.OneOf(CompressionMethod.None, CompressionMethod.Snappy, CompressionMethod.Gzip, CompressionMethod.Zstd);

    public static readonly Gen<ShardSample> Any = Gen.Select(Text.Array[0, 12].Array[1, 3], Gen.Bool, Codec, (groups, stringIds, codec) =>
    {
        var expected = new List<ExpectedRow>();
        foreach (var text in groups.SelectMany(g => g))
        {
            string id = stringIds ? $"p-{expected.Count}" : (1000 + expected.Count).ToString(CultureInfo.InvariantCulture);
            expected.Add(text switch
            {
                null => new ExpectedRow(RecordStatus.MissingText, id),
                "" => new ExpectedRow(RecordStatus.EmptyText, id),
                _ => new ExpectedRow(RecordStatus.Ok, id, Encoding.UTF8.GetBytes(text)),
            });
        }

        // Parquet.Net writes asynchronously only; a thread-pool thread keeps any caller's context out of it.
        var bytes = Task.Run(() => WriteAsync(groups, stringIds, codec)).GetAwaiter().GetResult();
        return new ShardSample(".parquet", bytes, expected, $"generated, {codec}");
    });

    private static async Task<byte[]> WriteAsync(string?[][] groups, bool stringIds, CompressionMethod codec)
    {
        var text = new DataField<string>("text");
        DataField id = stringIds ? new DataField<string>("id") : new DataField<long>("id");
        var extra = new DataField<int>("n");
        using var file = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(text, id, extra), file, new ParquetOptions { CompressionMethod = codec }))
        {
            int row = 0;
            foreach (var group in groups)
            {
                using var rows = writer.CreateRowGroup();
                await rows.WriteAsync(text, group);
                var numbers = Enumerable.Range(row, group.Length).ToArray();
                if (stringIds)
                {
                    await rows.WriteAsync((DataField<string>)id, numbers.Select(n => (string?)$"p-{n}").ToArray());
                }
                else
                {
                    await rows.WriteAsync<long>(id, numbers.Select(n => 1000L + n).ToArray().AsMemory());
                }

                await rows.WriteAsync<int>(extra, numbers.AsMemory());
                rows.CompleteValidate();
                row += group.Length;
            }
        }

        return file.ToArray();
    }
}
