using Parquet;
using Parquet.Schema;

namespace Dedup.Engine.IO;

/// <summary>
/// One non-repeated column of one row group, read raw (values plus definition levels) into buffers that are
/// reused from group to group, with the value index of each row so that nulls cost nothing to look up.
/// </summary>
internal sealed class FlatColumn<T>(DataField dataField)
    where T : struct
{
    private T[] values = [];
    private int[] levels = [];
    private int[] valueOfRow = [];

    public DataField Field => dataField;

    public async Task LoadAsync(ParquetRowGroupReader group, int rows)
    {
        var meta = group.GetMetadata(dataField)?.MetaData
            ?? throw new InvalidDataException($"column '{dataField.Name}' has no data in a row group");
        if (meta.NumValues != rows)
        {
            throw new InvalidDataException($"column '{dataField.Name}' has {meta.NumValues} values in a row group of {rows} rows");
        }

        // Drop the previous group's values first so that two groups are never held at once.
        Array.Clear(values);
        Grow(ref values, rows);
        Grow(ref valueOfRow, rows);
        bool nullable = dataField.MaxDefinitionLevel > 0;
        if (nullable)
        {
            Grow(ref levels, rows);
        }

        await group.ReadRawAsync(dataField, values.AsMemory(0, rows), nullable ? levels.AsMemory(0, rows) : (Memory<int>?)null, null);
        int next = 0;
        for (int row = 0; row < rows; row++)
        {
            valueOfRow[row] = !nullable || levels[row] == dataField.MaxDefinitionLevel ? next++ : -1;
        }
    }

    /// <summary>The value of a row of the loaded group; false when it is null.</summary>
    public bool TryGet(int row, out T value)
    {
        int index = valueOfRow[row];
        value = index >= 0 ? values[index] : default;
        return index >= 0;
    }

    public void Release() => Array.Clear(values);

    private static void Grow<TItem>(ref TItem[] array, int length)
    {
        if (array.Length < length)
        {
            array = new TItem[length];
        }
    }
}
