using System.Buffers.Binary;
using Dedup.Engine.RunFiles.Records;

namespace Dedup.Engine.RunFiles;

/// <summary>
/// One signature task's band records for one partition (bands-p00002.bin): a sequence of sorted
/// runs, one per time the task's buffer filled, each holding one sorted section per band plus the
/// exact-hash section. A footer (written last) gives each section's record count:
/// int64 count[runs x sections], int32 runs, int32 sections, uint32 magic.
/// </summary>
public static class BandRunFile
{
    private const uint Magic = 0x52424444; // "DDBR"
    private const int FooterTail = 12;

    public static string Name(int partition) => $"bands-p{partition:D5}.bin";

    /// <summary>Appends runs to a partition file and writes the footer at the end.</summary>
    public sealed class Writer(ChecksummedWriter file, int sections)
    {
        private readonly List<long> counts = [];

        public int Sections { get; } = sections;

        /// <summary>Appends one run: <paramref name="section"/>(s) gives section s's records, already sorted.</summary>
        public void AddRun(Func<int, ReadOnlyMemory<BandRecord>> section)
        {
            for (int s = 0; s < Sections; s++)
            {
                var records = section(s);
                file.Write(records.Span);
                counts.Add(records.Length);
            }
        }

        public FileChecksum Complete()
        {
            Span<byte> tail = stackalloc byte[FooterTail];
            foreach (long count in counts)
            {
                file.Write(count);
            }

            BinaryPrimitives.WriteInt32LittleEndian(tail, counts.Count / Sections);
            BinaryPrimitives.WriteInt32LittleEndian(tail[4..], Sections);
            BinaryPrimitives.WriteUInt32LittleEndian(tail[8..], Magic);
            file.Write(tail);
            return file.Complete();
        }
    }

    /// <summary>Where each (run, section) of a partition file lies, in records from the file's start.</summary>
    public static (long First, long Count)[,] Layout(RecordFile<byte> file, int expectedSections)
    {
        Span<byte> tail = stackalloc byte[FooterTail];
        if (file.Count < FooterTail)
        {
            throw new IntermediateFileException(file.Path, "it has no band-run footer");
        }

        file.Read(file.Count - FooterTail, tail);
        int runs = BinaryPrimitives.ReadInt32LittleEndian(tail);
        int sections = BinaryPrimitives.ReadInt32LittleEndian(tail[4..]);
        if (BinaryPrimitives.ReadUInt32LittleEndian(tail[8..]) != Magic || sections != expectedSections || runs < 0)
        {
            throw new IntermediateFileException(file.Path, $"its footer is not a band-run footer for {expectedSections} sections");
        }

        var counts = new long[runs * sections];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(counts.AsSpan());
        file.Read(file.Count - FooterTail - bytes.Length, bytes);
        var layout = new (long, long)[runs, sections];
        long first = 0;
        for (int r = 0; r < runs; r++)
        {
            for (int s = 0; s < sections; s++)
            {
                long count = counts[(r * sections) + s];
                layout[r, s] = (first, count);
                first += count;
            }
        }

        return layout;
    }
}
