using System.Text;
using Dedup.Engine.Lsh;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.RunFiles.Records;
using Dedup.Kernels.Signatures;

namespace Dedup.Engine.Stages.Signatures;

/// <summary>
/// Writes what a signature task signs: the document table, ids and signatures in signing order,
/// shingle sets when verifying exactly, and the band records (bands, content and id hashes, <see cref="BandSections"/>)
/// through a <see cref="BandBuffer"/> into one sorted-run file per partition.
/// </summary>
internal sealed class SignatureTaskWriter : ISignedBatchSink, IDisposable
{
    private readonly TaskWriter task;
    private readonly int taskIndex;
    private readonly ChecksummedWriter documents;
    private readonly ChecksummedWriter ids;
    private readonly ChecksummedWriter signatures;
    private readonly ChecksummedWriter? shingles;
    private readonly ChecksummedWriter? shingleStarts;
    private readonly ChecksummedWriter[] partitionFiles;
    private readonly BandRunFile.Writer[] partitions;
    private readonly BandBuffer bands;
    private readonly int threads;
    private uint[] scratch = [];
    private int[] distinct = [];
    private long shingleOffset;
    private long idOffset;
    private byte[] idBytes = new byte[MemoryBudget.SmallBufferBytes];
    private DocumentRecord[] records = new DocumentRecord[1024];

    public SignatureTaskWriter(TaskWriter task, int taskIndex, RunPlan plan, long bandBufferBytes, int threads)
    {
        this.task = task;
        this.taskIndex = taskIndex;
        this.threads = threads;
        documents = task.Create(RunFileNames.Documents);
        ids = task.Create(RunFileNames.Ids);
        signatures = task.Create(RunFileNames.Signatures);
        if (plan.Configuration.Verify == Lsh.VerifyMode.Exact)
        {
            shingles = task.Create(RunFileNames.Shingles);
            shingleStarts = task.Create(RunFileNames.ShingleStarts, MemoryBudget.SmallBufferBytes);
            shingleStarts.Write(0L);
        }

        int sections = BandSections.Count(plan.Configuration.Bands);
        // Each partition file gets a small buffer: a task writes them all at once.
        int fileBuffer = (int)Math.Clamp(bandBufferBytes / 8 / plan.Partitions, 4096, MemoryBudget.StreamBufferBytes);
        partitionFiles = Enumerable.Range(0, plan.Partitions).Select(p => task.Create(BandRunFile.Name(p), fileBuffer)).ToArray();
        partitions = partitionFiles.Select(f => new BandRunFile.Writer(f, sections)).ToArray();
        bands = new BandBuffer(partitions, sections, bandBufferBytes, threads);
    }

    public uint Count { get; private set; }

    public long TextBytes { get; private set; }

    public long WithoutTokens { get; private set; }

    public bool NeedsShingles => shingles is not null;

    /// <summary>Writes a signed batch: each file gets the whole batch in one write, not one per document.</summary>
    public void Append(PendingBatch batch, SignatureBatch output)
    {
        var offsets = batch.ToDocumentBatch().Offsets;
        if (records.Length < batch.Count)
        {
            records = new DocumentRecord[Math.Max(batch.Count, records.Length * 2)];
        }

        if (shingles is not null)
        {
            SortShingleSets(output, batch.Count);
        }

        int idBytesInBatch = 0;
        for (int i = 0; i < batch.Count; i++)
        {
            var (shard, row, id, rank) = batch.Sources[i];
            int idLength = Encoding.UTF8.GetByteCount(id);
            if (idBytes.Length < idBytesInBatch + idLength)
            {
                Array.Resize(ref idBytes, Math.Max(idBytesInBatch + idLength, idBytes.Length * 2));
            }

            Encoding.UTF8.GetBytes(id, idBytes.AsSpan(idBytesInBatch));
            ulong document = DocumentRef.Pack(0, taskIndex, Count);
            bands.AddId(document, System.IO.Hashing.XxHash128.HashToUInt128(idBytes.AsSpan(idBytesInBatch, idLength)));
            var content = output.ContentHash(i);
            int textBytes = offsets[i + 1] - offsets[i];
            records[i] = new DocumentRecord(row, (ulong)content, (ulong)(content >> 64), rank, idOffset + idBytesInBatch, idLength, shard, textBytes, output.TokenCounts[i]);
            idBytesInBatch += idLength;
            if (shingles is not null)
            {
                var set = scratch.AsSpan(output.ShingleStarts[i], distinct[i]);
                shingles.Write<uint>(set);
                shingleOffset += set.Length;
                shingleStarts!.Write(shingleOffset);
            }

            if (records[i].TokenCount > 0)
            {
                bands.Add(document, output.DocumentBandKeys(i), content);
            }
            else
            {
                WithoutTokens++;
            }

            TextBytes += textBytes;
            Count++;
        }

        ids.Write(idBytes.AsSpan(0, idBytesInBatch));
        idOffset += idBytesInBatch;
        documents.Write<DocumentRecord>(records.AsSpan(0, batch.Count));
        signatures.Write<uint>(output.Signatures.AsSpan(0, batch.Count * output.Parameters.Permutations));
    }

    /// <summary>Flushes the band buffer and records every file's checksum with the task.</summary>
    public int Complete()
    {
        bands.Flush();
        task.Complete(RunFileNames.Documents, documents);
        task.Complete(RunFileNames.Ids, ids);
        task.Complete(RunFileNames.Signatures, signatures);
        if (shingles is not null)
        {
            task.Complete(RunFileNames.Shingles, shingles);
            task.Complete(RunFileNames.ShingleStarts, shingleStarts!);
        }

        for (int p = 0; p < partitions.Length; p++)
        {
            task.Record(BandRunFile.Name(p), partitions[p].Complete());
        }

        return bands.Runs;
    }

    public void Dispose()
    {
        documents.Dispose();
        ids.Dispose();
        signatures.Dispose();
        shingles?.Dispose();
        shingleStarts?.Dispose();
        foreach (var file in partitionFiles)
        {
            file.Dispose();
        }
    }

    /// <summary>
    /// Each document's shingles as a set (sorted, without repeats) in <c>scratch</c> at the document's offset
    /// in the batch, with its size in <c>distinct</c>: the documents in parallel, while the backend waits.
    /// </summary>
    private void SortShingleSets(SignatureBatch output, int count)
    {
        int total = count == 0 ? 0 : output.ShingleStarts[count - 1] + output.DocumentShingles(count - 1).Length;
        if (scratch.Length < total)
        {
            scratch = new uint[Math.Max(total, scratch.Length * 2)];
        }

        if (distinct.Length < count)
        {
            distinct = new int[Math.Max(count, distinct.Length * 2)];
        }

        var (values, sizes) = (scratch, distinct);
        Execution.ParallelWork.For(count, threads, d =>
        {
            var set = values.AsSpan(output.ShingleStarts[d], output.DocumentShingles(d).Length);
            output.DocumentShingles(d).CopyTo(set);
            set.Sort();
            int kept = 0;
            for (int i = 0; i < set.Length; i++)
            {
                if (i == 0 || set[i] != set[i - 1])
                {
                    set[kept++] = set[i];
                }
            }

            sizes[d] = kept;
        });
    }
}
