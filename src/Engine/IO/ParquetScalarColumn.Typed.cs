using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace Dedup.Engine.IO;

/// <summary>A scalar column for one CLR value type.</summary>
internal sealed class ParquetScalarColumn<T>(DataField dataField) : ParquetScalarColumn
    where T : struct
{
    private readonly FlatColumn<T> column = new(dataField);

    public override Task LoadAsync(ParquetRowGroupReader group, int rows) => column.LoadAsync(group, rows);

    public override string? Get(int row)
    {
        if (!column.TryGet(row, out var value))
        {
            return null;
        }

        // Numbers and booleans as their JSON text, so ids read the same from JSONL and Parquet.
        return value switch
        {
            ReadOnlyMemory<char> chars => new string(chars.Span),
            ReadOnlyMemory<byte> bytes => Encoding.UTF8.GetString(bytes.Span),
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
