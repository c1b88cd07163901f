using Dedup.Engine.RunFiles;
using Dedup.Engine.RunFiles.Records;

namespace Dedup.Engine.Lsh;

/// <summary>Finds the slices of one band section that hold one partition's key range, in this run and in --against runs.</summary>
public static class BandSlices
{
    public static IReadOnlyList<BandSlice> For(RunSet runs, int partition, int section)
    {
        int partitions = runs.This.Plan.Partitions;
        ulong low = BandPartitions.Start(partition, partitions);
        ulong? high = partition + 1 < partitions ? BandPartitions.Start(partition + 1, partitions) : null;
        var slices = new List<BandSlice>();
        for (int run = 0; run < runs.Runs.Count; run++)
        {
            int theirPartitions = runs.Runs[run].Plan.Partitions;
            int first = BandPartitions.Of(low, theirPartitions);
            int last = high is null ? theirPartitions - 1 : BandPartitions.Of(high.Value - 1, theirPartitions);
            for (int task = 0; task < runs.SignatureMarkers(run).Count; task++)
            {
                for (int p = first; p <= last; p++)
                {
                    string name = BandRunFile.Name(p);
                    (long First, long Count)[,] layout;
                    using (var raw = runs.Runs[run].Open<byte>(runs.SignatureMarkers(run)[task], name))
                    {
                        layout = BandRunFile.Layout(raw, BandSections.Count(runs.This.Plan.Configuration.Bands));
                    }

                    var file = runs.File<BandRecord>(run, task, name);
                    for (int r = 0; r < layout.GetLength(0); r++)
                    {
                        var (start, count) = layout[r, section];
                        // An earlier run's partitions need not line up with this run's: keep only this key range.
                        long from = LowerBound(file, start, start + count, low);
                        long to = high is null ? start + count : LowerBound(file, from, start + count, high.Value);
                        slices.Add(new BandSlice(file, from, to - from, run));
                    }
                }
            }
        }

        return slices;
    }

    /// <summary>The first record in [from, to) whose key is at least <paramref name="key"/>.</summary>
    private static long LowerBound(RecordFile<BandRecord> file, long from, long to, ulong key)
    {
        while (from < to)
        {
            long middle = from + ((to - from) / 2);
            if (file.Read(middle).Key < key)
            {
                from = middle + 1;
            }
            else
            {
                to = middle;
            }
        }

        return from;
    }
}
