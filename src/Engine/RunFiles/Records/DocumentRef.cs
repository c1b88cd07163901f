namespace Dedup.Engine.RunFiles.Records;

/// <summary>
/// Names a signed document across the files of a run without knowing other tasks' counts: the
/// signature task that signed it and its position within that task, plus which run it belongs to
/// (0 = this run, k = the k-th run given with --against). Packed as run:8 | task:24 | local:32, so
/// refs of one run sort in (shard, row) order, the order the tasks split the shards in.
/// </summary>
public static class DocumentRef
{
    public const int MaxTasks = 1 << 24;

    public const int MaxRuns = 255;

    public static ulong Pack(int run, int task, uint local) => ((ulong)(uint)run << 56) | ((ulong)(uint)task << 32) | local;

    public static int Run(ulong reference) => (int)(reference >> 56);

    public static int Task(ulong reference) => (int)((reference >> 32) & 0xFF_FFFF);

    public static uint Local(ulong reference) => (uint)reference;

    /// <summary>The same document as seen from a run that lists its run under index <paramref name="run"/>.</summary>
    public static ulong InRun(ulong reference, int run) => (reference & 0x00FF_FFFF_FFFF_FFFFUL) | ((ulong)(uint)run << 56);
}
