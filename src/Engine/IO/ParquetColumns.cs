using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace Dedup.Engine.IO;

/// <summary>Looks up the columns a reader needs in a Parquet schema, and describes them in messages.</summary>
internal static class ParquetColumns
{
    /// <summary>The top-level text column; throws when it is absent or not a plain string column.</summary>
    public static DataField Text(ParquetSchema schema, string name, Shard shard)
    {
        var field = schema.Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
        if (field is null)
        {
            throw new ShardReadException(shard.FullPath, null,
                $"{shard.FullPath}: text column '{name}' not found; the columns are {FieldNames.List(schema.Fields.Select(f => f.Name).ToList())}. " +
                "Choose the text column with the text-field option.");
        }

        if (field is not DataField data || data.ClrType != typeof(ReadOnlyMemory<char>) || data.MaxRepetitionLevel > 0)
        {
            throw new ShardReadException(shard.FullPath, null,
                $"{shard.FullPath}: text column '{name}' has type {TypeName(field)}, not string. " +
                "Choose a string column with the text-field option, or convert the column to string.");
        }

        return data;
    }

    /// <summary>The top-level scalar column of that name (the id, the keep key), or null when there is none usable.</summary>
    public static DataField? Scalar(ParquetSchema schema, string name) =>
        schema.Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal)) is DataField { MaxRepetitionLevel: 0 } data
            ? data
            : null;

    public static string TypeName(Field field)
    {
        if (field is not DataField data)
        {
            return field.SchemaType.ToString().ToLowerInvariant();
        }

        string name = data.ClrType == typeof(ReadOnlyMemory<char>) ? "string"
            : data.ClrType == typeof(ReadOnlyMemory<byte>) ? "binary"
            : data.ClrType.Name;
        return data.MaxRepetitionLevel > 0 ? $"list of {name}" : name;
    }

    /// <summary>
    /// The codec to write a filtered copy with: the source's (of its first column chunk), except LZO, which
    /// Parquet.Net cannot write, and files without row groups; those get Parquet.Net's default, Snappy.
    /// </summary>
    public static CompressionMethod Codec(ParquetReader reader)
    {
        var codec = reader.Metadata?.RowGroups.FirstOrDefault()?.Columns.FirstOrDefault()?.MetaData?.Codec;
        return codec switch
        {
            null or CompressionCodec.LZO => CompressionMethod.Snappy,
            // Parquet.Net numbers its methods as the format numbers its codecs.
            CompressionCodec c => (CompressionMethod)(int)c,
        };
    }
}
