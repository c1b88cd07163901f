using System.Collections.Concurrent;
using System.Diagnostics;
using Dedup.Engine.Execution;
using Dedup.Engine.IO;
using Dedup.Engine.Reporting;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Signatures;

namespace Dedup.Engine.Stages.Signatures;

/// <summary>
/// Reads every shard in order and signs its documents in batches. A reader thread fills batches
/// while the backend signs the previous one. The same <see cref="BatchesInFlight"/> + 1 batches
/// circulate between the two (their buffers are reused, not reallocated), so memory is bounded
/// by the batch size, not by the corpus.
/// </summary>
internal sealed class SigningLoop(ISignatureBackend backend, ReaderOptions readerOptions, SigningSettings options, RecordTally tally, RunProgress progress)
{
    private const int BatchesInFlight = 2;

    /// <summary>Signs every document of <paramref name="shards"/> into <paramref name="sink"/>; returns the seconds the backend computed.</summary>
    /// <summary>The content hash of each shard read, in the order given; filled as each shard ends, whole once <see cref="Run"/> returns.</summary>
    public List<ulong> ContentHashes { get; } = [];

    public double Run(IReadOnlyList<Shard> shards, ISignedBatchSink sink, CancellationToken cancellation)
    {
        var parameters = backend.Parameters;
        using var queue = new BlockingCollection<PendingBatch>(BatchesInFlight);
        using var free = new BlockingCollection<PendingBatch>();
        for (int i = 0; i <= BatchesInFlight; i++)
        {
            free.Add(NewBatch());
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var reader = Task.Run(() => ReadAll(shards, queue, free, stop.Token), stop.Token);
        var output = new SignatureBatch(parameters) { CaptureShingles = sink.NeedsShingles };
        var compute = new Stopwatch();
        long signedThrough = 0;
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(stop.Token))
            {
                compute.Start();
                backend.Compute(batch.ToDocumentBatch(), output);
                compute.Stop();
                sink.Append(batch, output);
                // Progress counts what is signed and written, not what is read: reading runs batches ahead.
                progress.Add(batch.Count, batch.Bytes, batch.FileBytesThrough - signedThrough);
                signedThrough = batch.FileBytesThrough;
                batch.Clear();
                free.Add(batch, stop.Token);
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            // Surfaces the reader's exception (a corrupt shard) rather than a cancellation.
            try
            {
                reader.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
            }
        }

        return compute.Elapsed.TotalSeconds;
    }

    private void ReadAll(IReadOnlyList<Shard> shards, BlockingCollection<PendingBatch> queue, BlockingCollection<PendingBatch> free, CancellationToken cancellation)
    {
        try
        {
            var batch = free.Take(cancellation);
            long earlierShards = 0;
            foreach (var shard in shards)
            {
                using var reader = ShardReaders.Open(shard, readerOptions);
                while (reader.Read())
                {
                    cancellation.ThrowIfCancellationRequested();
                    tally.Count(shard, reader.Row, reader.Status, reader.Problem);
                    if (!RecordTally.IsSigned(reader.Status))
                    {
                        ThrowIfStrict(shard, reader);
                        continue;
                    }

                    var text = reader.Text;
                    if (!batch.Fits(text.Length, options.BatchBytes, options.BatchDocuments))
                    {
                        batch.FileBytesThrough = earlierShards + reader.FileBytesRead;
                        queue.Add(batch, cancellation);
                        batch = free.Take(cancellation);
                    }

                    batch.Add(text, shard.Index, reader.Row, reader.Id, options.Keep.Rank(text.Length, reader.Key));
                }

                ContentHashes.Add(reader.ContentHash);
                earlierShards += shard.Length;
            }

            if (batch.Count > 0)
            {
                batch.FileBytesThrough = earlierShards;
                queue.Add(batch, cancellation);
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private void ThrowIfStrict(Shard shard, IShardReader reader)
    {
        if (options.Strict && reader.Status != RecordStatus.BlankLine)
        {
            throw new ShardReadException(shard.FullPath, reader.Row, $"{shard.FullPath} row {reader.Row}: {reader.Problem} (--strict stops at the first record that cannot be deduplicated; without it such records are kept and counted)");
        }
    }

    private PendingBatch NewBatch() => new(Math.Min(options.BatchBytes, 1 << 20), Math.Min(options.BatchDocuments, 4096));
}
