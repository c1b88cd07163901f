using Parquet;
using Parquet.Schema;

namespace Dedup.Engine.IO;

/// <summary>
/// The copier for one CLR value type. Works on Parquet's raw form (defined values plus definition and
/// repetition levels) so that nulls, lists and structs are copied exactly; a new row starts at each
/// repetition level 0.
/// </summary>
internal sealed class ParquetColumnCopier<T>(DataField dataField) : ParquetColumnCopier
    where T : struct
{
    private T[] values = [];
    private int[] definitions = [];
    private int[] repetitions = [];
    private int levelCount;
    private int valueCount;

    private bool HasDefinitions => dataField.MaxDefinitionLevel > 0;

    private bool HasRepetitions => dataField.MaxRepetitionLevel > 0;

    public override async Task LoadAsync(ParquetRowGroupReader group)
    {
        var meta = group.GetMetadata(dataField)?.MetaData
            ?? throw new InvalidDataException($"column '{dataField.Path}' has no data in a row group");
        int n = checked((int)meta.NumValues);
        Grow(ref values, n);
        Grow(ref definitions, HasDefinitions ? n : 0);
        Grow(ref repetitions, HasRepetitions ? n : 0);
        await group.ReadRawAsync(dataField, values.AsMemory(0, n),
            HasDefinitions ? definitions.AsMemory(0, n) : (Memory<int>?)null,
            HasRepetitions ? repetitions.AsMemory(0, n) : (Memory<int>?)null);
        levelCount = n;
        valueCount = HasDefinitions ? definitions.AsSpan(0, n).Count(dataField.MaxDefinitionLevel) : n;
    }

    public override async Task WriteAsync(ParquetRowGroupWriter writer, bool[]? removed)
    {
        if (removed is not null)
        {
            Compact(removed);
        }

        await writer.WriteAllPartsAsync<T>(dataField, values.AsMemory(0, valueCount),
            HasDefinitions ? definitions.AsMemory(0, levelCount) : (ReadOnlyMemory<int>?)null,
            HasRepetitions ? repetitions.AsMemory(0, levelCount) : (ReadOnlyMemory<int>?)null,
            CancellationToken.None);
        // Drop references (strings, byte arrays) so that only one column is ever held.
        Array.Clear(values, 0, valueCount);
    }

    /// <summary>Moves the levels and values of kept rows to the front, in place (writes never overtake reads).</summary>
    private void Compact(bool[] removed)
    {
        int maxDefinition = dataField.MaxDefinitionLevel;
        int row = -1;
        int levelsKept = 0;
        int valuesKept = 0;
        int valueRead = 0;
        for (int i = 0; i < levelCount; i++)
        {
            if (!HasRepetitions || repetitions[i] == 0)
            {
                row++;
            }

            bool isValue = !HasDefinitions || definitions[i] == maxDefinition;
            if (!removed[row])
            {
                if (HasDefinitions)
                {
                    definitions[levelsKept] = definitions[i];
                }

                if (HasRepetitions)
                {
                    repetitions[levelsKept] = repetitions[i];
                }

                levelsKept++;
                if (isValue)
                {
                    values[valuesKept++] = values[valueRead];
                }
            }

            if (isValue)
            {
                valueRead++;
            }
        }

        Array.Clear(values, valuesKept, valueCount - valuesKept);
        levelCount = levelsKept;
        valueCount = valuesKept;
    }

    private static void Grow<TItem>(ref TItem[] array, int length)
    {
        if (array.Length < length)
        {
            array = new TItem[length];
        }
    }
}
