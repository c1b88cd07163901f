using Dedup.Engine.RunFiles;
namespace Dedup.Engine.Plan;

/// <summary>
/// How each stage spends --memory. The runtime itself (JIT, fold table, thread stacks, I/O
/// buffers) takes about <see cref="RuntimeReserve"/> whatever the budget, so the shares are of
/// what is left; bench/ measures the peaks against the budget (docs/BENCHMARKS.md).
/// </summary>
public sealed record MemoryBudget(long Bytes)
{
    public const long Minimum = 16L << 20;

    /// <summary>
    /// The buffer of one sequentially read or written file (shards, record readers, task files): a
    /// few system calls per MiB, and the dozens a stage opens stay far below <see cref="Minimum"/>'s share.
    /// </summary>
    public const int StreamBufferBytes = 1 << 20;

    /// <summary>The buffer of a file read here and there, or of a small one (Parquet footers, field checks, id spills).</summary>
    public const int SmallBufferBytes = 1 << 16;

    /// <summary>
    /// The budget of <paramref name="bytes"/> for a task on this machine. A budget above the memory this
    /// process may use (physical memory, or a container's limit) would not bound anything: buffers sized by it
    /// fail to allocate (OutOfMemoryException) or make the machine swap, so it is refused.
    /// </summary>
    public static MemoryBudget OnThisMachine(long bytes)
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (bytes > available)
        {
            throw new UsageException($"--memory: {bytes >> 30:N0} GiB is more than this machine has for a process ({available / (double)(1L << 30):0.#} GiB); give less, e.g. --memory {Math.Max(1, available / 2 >> 30)}G.");
        }

        return new MemoryBudget(bytes);
    }

    /// <summary>Measured: a signatures process over a few documents peaks at 70 MiB.</summary>
    public const long RuntimeReserve = 96L << 20;

    /// <summary>What the stages' own buffers may take (at least 4 MiB, for tiny budgets in tests).</summary>
    private long Usable => Math.Max(4L << 20, Bytes - RuntimeReserve);

    /// <summary>
    /// Text per signature batch: each reader's batches circulate (<see cref="SignatureReaders"/>), and the
    /// backend's arrays are a multiple of one. 32 MiB at the default 1G; a GPU wants larger ones (up to 256 MiB, from --memory 8G).
    /// </summary>
    public int SignatureBatchBytes => (int)Math.Clamp(Usable / 32, 1 << 20, 256 << 20);

    /// <summary>
    /// Documents per signature batch: their signatures take no more than the batch's text may
    /// (short documents would otherwise make the signature arrays the largest thing in memory).
    /// </summary>
    public int SignatureBatchDocuments(int permutations) =>
        (int)Math.Clamp(SignatureBatchBytes / (sizeof(uint) * (long)permutations), 1024, 65536);

    /// <summary>
    /// The longest record a run signs (<see cref="IO.ReaderOptions.MaxRecordBytes"/>): a sixteenth of the
    /// budget (58 MiB at the default 1G), at least 256 KiB. Signing one record takes about six times its
    /// size at once (line buffer, unescaped text, batch, the backend's tokens and shingles: a 200 MB record
    /// peaked at 1.2 GB), so a longer one is kept unsigned instead of taking more than the budget.
    /// </summary>
    public int RecordBytes => (int)Math.Clamp(Usable / 16, 256 << 10, Array.MaxLength);

    /// <summary>The signature batches each shard reader owns: one it fills while the other waits for, or is in, the backend.</summary>
    public const int BatchesPerReader = 2;

    /// <summary>
    /// Shard readers of a signature task: one per thread, as long as their batches (<see cref="BatchesPerReader"/>
    /// of <paramref name="batchBytes"/> each) take no more than a sixteenth of the budget; at least one.
    /// </summary>
    public int SignatureReaders(int batchBytes, int threads) =>
        (int)Math.Clamp(Usable / 16 / (BatchesPerReader * (long)batchBytes), 1, Math.Max(1, threads));

    /// <summary>Band records a signature task holds before it sorts and writes a run.</summary>
    public long BandBufferBytes => Usable * 3 / 8;

    /// <summary>Read buffers of all the runs a buckets task merges, together.</summary>
    public long MergeBufferBytes => Usable / 4;

    /// <summary>
    /// Documents whose signature, record and id a stage loads at once (<see cref="DocumentDetails"/>,
    /// and a buckets task's batch of candidate pairs): up to an eighth of the budget.
    /// </summary>
    public int LookupDocuments(int permutations) =>
        (int)Math.Clamp(Usable / 8 / ((sizeof(uint) * (long)permutations) + 256), 1024, 1 << 17);

    /// <summary>The cluster stage's sort buffer, besides its union-find array.</summary>
    public long SortBufferBytes => Usable / 4;

    /// <summary>Parses 512M, 4G, 1.5G, 2048 (bytes)...</summary>
    public static long Parse(string value)
    {
        string v = value.Trim().ToUpperInvariant();
        long unit = v.EndsWith('K') ? 1L << 10 : v.EndsWith('M') ? 1L << 20 : v.EndsWith('G') ? 1L << 30 : v.EndsWith('T') ? 1L << 40 : 1;
        string number = unit == 1 ? v : v[..^1];
        if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double amount) || amount <= 0)
        {
            throw new UsageException($"--memory {value}: give an amount such as 512M, 4G or 1.5G.");
        }

        long bytes = (long)(amount * unit);
        return bytes >= Minimum ? bytes : throw new UsageException($"--memory {value}: give at least 16M.");
    }
}
