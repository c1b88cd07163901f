using Parquet;
using Parquet.Schema;

namespace Dedup.Engine.IO;

/// <summary>A scalar column of one row group (the id, or the --keep key), of whatever type the file has; formatted to a string only on request.</summary>
internal abstract class ParquetScalarColumn
{
    public static ParquetScalarColumn Create(DataField field) =>
        (ParquetScalarColumn)Activator.CreateInstance(typeof(ParquetScalarColumn<>).MakeGenericType(field.ClrType), field)!;

    public abstract Task LoadAsync(ParquetRowGroupReader group, int rows);

    /// <summary>The value of a row of the loaded group, or null when it is null in the file.</summary>
    public abstract string? Get(int row);
}
