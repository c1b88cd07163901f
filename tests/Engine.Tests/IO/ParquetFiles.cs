using System.Globalization;
using Dedup.Engine.IO;
using Parquet;
using Parquet.Schema;

namespace Dedup.Engine.Tests.IO;

/// <summary>Writes Parquet shards with Parquet.Net and renders their rows as strings for comparisons.</summary>
internal static class ParquetFiles
{
    /// <summary>A schema with a text column and extra columns of several kinds: nullable, list, struct.</summary>
    public static ParquetSchema DocumentSchema() => new(
        new DataField<string>("text"),
        new DataField<long>("id"),
        new DataField<double?>("score"),
        new DataField<string[]>("tags"),
        new StructField("meta", new DataField<string>("source"), new DataField<int?>("year")),
        new DataField<bool>("flag"));

    /// <summary>The values of document <paramref name="i"/>; some are null or empty on purpose.</summary>
    public static (string? Text, long Id, double? Score, string[] Tags, string? Source, int? Year, bool Flag) Document(int i) => (
        i % 7 == 3 ? null : i % 11 == 5 ? "" : $"document {i} — naïve 文本 {i * 31}",
        1000 + i,
        i % 4 == 0 ? null : i * 0.5,
        [.. Enumerable.Range(0, i % 3).Select(k => $"t{i}.{k}")],
        i % 5 == 0 ? null : $"src{i % 3}",
        i % 6 == 0 ? null : 1990 + i,
        i % 2 == 0);

    /// <summary>Writes documents in row groups of the given sizes (document numbers run on across groups).</summary>
    public static async Task<string> WriteDocumentsAsync(string path, CompressionMethod codec, params int[] groupSizes)
    {
        var schema = DocumentSchema();
        var f = schema.DataFields;
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = codec });
        writer.CustomMetadata = new Dictionary<string, string> { ["origin"] = "tests" };
        int next = 0;
        foreach (int size in groupSizes)
        {
            var docs = Enumerable.Range(next, size).Select(Document).ToArray();
            next += size;
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(f[0], docs.Select(d => d.Text).ToArray());
            await group.WriteAsync<long>(f[1], docs.Select(d => d.Id).ToArray().AsMemory());
            await group.WriteAsync<double>(f[2], docs.Select(d => d.Score).ToArray().AsMemory());
            // A list is flattened to its items, with repetition level 0 starting each row; an empty list is one null item.
            var tagItems = docs.SelectMany(d => d.Tags.Length == 0 ? [null] : d.Tags.Cast<string?>()).ToArray();
            var tagLevels = docs.SelectMany(d => Enumerable.Range(0, Math.Max(1, d.Tags.Length)).Select(k => k == 0 ? 0 : 1)).ToArray();
            await group.WriteAsync(f[3], tagItems, tagLevels);
            await group.WriteAsync(f[4], docs.Select(d => d.Source).ToArray());
            await group.WriteAsync<int>(f[5], docs.Select(d => d.Year).ToArray().AsMemory());
            await group.WriteAsync<bool>(f[6], docs.Select(d => d.Flag).ToArray().AsMemory());
            group.CompleteValidate();
        }

        return path;
    }

    /// <summary>Writes one row group of string-or-null columns (all nullable strings).</summary>
    public static async Task<string> WriteStringsAsync(string path, params (string Name, string?[] Values)[] columns)
    {
        var schema = new ParquetSchema(columns.Select(c => (Field)new DataField<string>(c.Name)));
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        for (int i = 0; i < columns.Length; i++)
        {
            await group.WriteAsync(schema.DataFields[i], columns[i].Values);
        }

        group.CompleteValidate();
        return path;
    }

    /// <summary>Every row of the file as "column=value|..." (lists as [a,b], nulls as null), row groups in order.</summary>
    public static async Task<List<string>> RenderRowsAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        var rows = new List<string>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var cells = new List<List<string>>();
            foreach (var field in fields)
            {
                cells.Add(field.ClrType switch
                {
                    var t when t == typeof(ReadOnlyMemory<char>) => await RenderAsync<ReadOnlyMemory<char>>(group, field, v => v.ToString()),
                    var t when t == typeof(long) => await RenderAsync<long>(group, field, v => v.ToString(CultureInfo.InvariantCulture)),
                    var t when t == typeof(int) => await RenderAsync<int>(group, field, v => v.ToString(CultureInfo.InvariantCulture)),
                    var t when t == typeof(double) => await RenderAsync<double>(group, field, v => v.ToString("R", CultureInfo.InvariantCulture)),
                    var t when t == typeof(bool) => await RenderAsync<bool>(group, field, v => v.ToString()),
                    var t => throw new NotSupportedException(t.Name),
                });
            }

            for (int r = 0; r < group.RowCount; r++)
            {
                rows.Add(string.Join("|", fields.Select((f, c) => $"{f.Path}={cells[c][r]}")));
            }
        }

        return rows;
    }

    public static async Task<int> RowGroupCountAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        return reader.RowGroupCount;
    }

    public static async Task<Parquet.Meta.CompressionCodec?> CodecAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        return reader.Metadata!.RowGroups.FirstOrDefault()?.Columns[0].MetaData!.Codec;
    }

    public static async Task<(string Schema, Dictionary<string, string> Metadata)> DescribeAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        return (string.Join(", ", reader.Schema.DataFields.Select(f => f.ToString())), reader.CustomMetadata);
    }

    public static List<RowSnapshot> ReadAll(string path, ReaderOptions options) =>
        JsonlFiles.ReadAll(ShardDiscovery.Discover([path])[0], options);

    private static async Task<List<string>> RenderAsync<T>(ParquetRowGroupReader group, DataField field, Func<T, string> format)
        where T : struct
    {
        int n = (int)group.GetMetadata(field)!.MetaData!.NumValues;
        var values = new T[n];
        var definitions = new int[n];
        var repetitions = new int[n];
        await group.ReadRawAsync(field, values.AsMemory(), definitions.AsMemory(), repetitions.AsMemory());
        var rows = new List<string>();
        var items = new List<string>();
        int v = 0;
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && (field.MaxRepetitionLevel == 0 || repetitions[i] == 0))
            {
                rows.Add(Cell(items, field));
                items.Clear();
            }

            items.Add(field.MaxDefinitionLevel == 0 || definitions[i] == field.MaxDefinitionLevel ? format(values[v++]) : $"null@{definitions[i]}");
        }

        if (n > 0)
        {
            rows.Add(Cell(items, field));
        }

        return rows;
    }

    private static string Cell(List<string> items, DataField field) =>
        field.MaxRepetitionLevel > 0 ? $"[{string.Join(",", items)}]" : items[0];
}
