using System.Buffers.Binary;
using Parquet;

namespace Dedup.Engine.IO;

/// <summary>
/// Opens a Parquet file's reader after checking its footer length: Parquet.Net allocates whatever the
/// last 8 bytes claim, so a damaged length (FF FF FF 7F) was an OutOfMemoryException naming no file.
/// </summary>
internal static class ParquetFooter
{
    private const int MagicBytes = 4;

    public static ParquetReader Open(FileStream file)
    {
        long length = file.Length;
        if (length < MagicBytes * 3)
        {
            throw new InvalidDataException($"the file has {length} bytes, too few for a Parquet file (magic, footer length, magic).");
        }

        Span<byte> tail = stackalloc byte[8];
        file.Position = length - tail.Length;
        file.ReadExactly(tail);
        file.Position = 0;
        uint footer = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        if (footer > length - (MagicBytes * 3))
        {
            throw new InvalidDataException($"its footer claims {footer:N0} bytes, more than the file's {length:N0}.");
        }

        return SyncOver.Wait(ParquetReader.CreateAsync(file, leaveStreamOpen: true));
    }
}
