using Parquet;
using Parquet.Schema;

namespace Dedup.Engine.IO;

/// <summary>The id column of one row group, of whatever type the file has; formatted to a string only on request.</summary>
internal abstract class ParquetIdColumn
{
    public static ParquetIdColumn Create(DataField field) =>
        (ParquetIdColumn)Activator.CreateInstance(typeof(ParquetIdColumn<>).MakeGenericType(field.ClrType), field)!;

    public abstract Task LoadAsync(ParquetRowGroupReader group, int rows);

    /// <summary>The id of a row of the loaded group, or null when it is null in the file.</summary>
    public abstract string? Get(int row);
}
