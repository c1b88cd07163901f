using Parquet;
using Parquet.Schema;

namespace Dedup.Engine.IO;

/// <summary>Copies one column of a row group, dropping removed rows, whatever the column's type and nesting.</summary>
internal abstract class ParquetColumnCopier
{
    public static ParquetColumnCopier Create(DataField field) =>
        (ParquetColumnCopier)Activator.CreateInstance(typeof(ParquetColumnCopier<>).MakeGenericType(field.ClrType), field)!;

    public abstract Task LoadAsync(ParquetRowGroupReader group);

    /// <summary>Writes the loaded column, leaving out the rows flagged in <paramref name="removed"/> (null: none).</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter writer, bool[]? removed);
}
