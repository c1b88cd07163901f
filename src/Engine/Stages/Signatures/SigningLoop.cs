using System.Collections.Concurrent;
using System.Diagnostics;
using Dedup.Engine.Execution;
using Dedup.Engine.IO;
using Dedup.Engine.Plan;
using Dedup.Engine.Reporting;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Signatures;

namespace Dedup.Engine.Stages.Signatures;

/// <summary>
/// Reads the shards of a task with <see cref="SigningSettings.Readers"/> reader threads, several shards at
/// once, and signs their documents in batches while the readers go on. The backend takes the batches in
/// shard order, and a batch never spans two shards, so the documents, their order and every byte written
/// are the same whatever the number of readers. Each reader owns <see cref="MemoryBudget.BatchesPerReader"/> batches
/// that circulate between it and the backend (their buffers are reused), so memory is bounded by the
/// readers and the batch size, not by the corpus; a reader ahead of the backend waits for its batches.
/// </summary>
internal sealed class SigningLoop(ISignatureBackend backend, ReaderOptions readerOptions, SigningSettings options, RecordTally tally, RunProgress progress)
{
    /// <summary>The content hash of each shard read, in the order given; whole once <see cref="Run"/> returns.</summary>
    public List<ulong> ContentHashes { get; } = [];

    /// <summary>Signs every document of <paramref name="shards"/> into <paramref name="sink"/>; returns the seconds the backend computed.</summary>
    public double Run(IReadOnlyList<Shard> shards, ISignedBatchSink sink, CancellationToken cancellation)
    {
        var readings = shards.Select(s => new ShardReading(s)).ToArray();
        // The batch pools outlive their readers: the backend returns a reader's last batches after it has finished.
        var pools = Enumerable.Range(0, Math.Clamp(options.Readers, 1, Math.Max(1, shards.Count))).Select(_ => NewPool()).ToArray();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var next = new ShardCursor();
        // Threads of their own, not the thread pool's: a reader blocks while the backend is behind, and two blocked
        // pool threads starved the CPU backend's parallel loops (its compute 0.12 -> 0.79 s on devmix, 2 cores).
        var readers = pools
            .Select(pool => Task.Factory.StartNew(() => ReadShards(readings, pool, next, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToList();
        var output = new SignatureBatch(backend.Parameters) { CaptureShingles = sink.NeedsShingles };
        var compute = new Stopwatch();
        try
        {
            foreach (var reading in readings)
            {
                long signedThrough = 0;
                foreach (var batch in reading.Batches.GetConsumingEnumerable(stop.Token))
                {
                    compute.Start();
                    backend.Compute(batch.ToDocumentBatch(), output);
                    compute.Stop();
                    sink.Append(batch, output);
                    // Progress counts what is signed and written, not what is read: reading runs batches ahead.
                    progress.Add(batch.Count, batch.Bytes, batch.FileBytesThrough - signedThrough);
                    signedThrough = batch.FileBytesThrough;
                    batch.Clear();
                    reading.Free!.Add(batch, stop.Token);
                }

                // A shard's failure is raised where its records end, so the first failing shard in order is the one named.
                if (reading.Failure is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(reading.Failure);
                }

                progress.Add(0, 0, reading.Shard.Length - signedThrough);
                ContentHashes.Add(reading.ContentHash);
                tally.Add(reading.Tally, reading.Shard);
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                Task.WaitAll(readers);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(i => i is OperationCanceledException))
            {
            }

            foreach (var disposable in readings.Select(r => r.Batches).Concat(pools))
            {
                disposable.Dispose();
            }
        }

        return compute.Elapsed.TotalSeconds;
    }

    /// <summary>One reader: takes the next shard not yet taken, in order, until none is left.</summary>
    private void ReadShards(ShardReading[] readings, BlockingCollection<PendingBatch> free, ShardCursor next, CancellationToken cancellation)
    {
        for (int s = next.Take(); s < readings.Length; s = next.Take())
        {
            var reading = readings[s];
            reading.Free = free;
            try
            {
                Read(reading, free, cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                reading.Failure = e;
            }
            finally
            {
                reading.Batches.CompleteAdding();
            }

            if (reading.Failure is not null)
            {
                return;
            }
        }
    }

    private void Read(ShardReading reading, BlockingCollection<PendingBatch> free, CancellationToken cancellation)
    {
        var shard = reading.Shard;
        var batch = free.Take(cancellation);
        using (var reader = ShardReaders.Open(shard, readerOptions))
        {
            while (reader.Read())
            {
                cancellation.ThrowIfCancellationRequested();
                reading.Tally.Count(shard, reader.Row, reader.Status, reader.Problem);
                if (!RecordTally.IsSigned(reader.Status))
                {
                    ThrowIfStrict(shard, reader);
                    continue;
                }

                var text = reader.Text;
                if (!batch.Fits(text.Length, options.BatchBytes, options.BatchDocuments))
                {
                    batch.FileBytesThrough = reader.FileBytesRead;
                    reading.Batches.Add(batch, cancellation);
                    batch = free.Take(cancellation);
                }

                batch.Add(text, shard.Index, reader.Row, reader.Id, options.Keep.Rank(text.Length, reader.Key));
            }

            reading.ContentHash = reader.ContentHash;
        }

        if (batch.Count > 0)
        {
            batch.FileBytesThrough = shard.Length;
            reading.Batches.Add(batch, cancellation);
        }
        else
        {
            free.Add(batch, cancellation);
        }
    }

    private void ThrowIfStrict(Shard shard, IShardReader reader)
    {
        if (options.Strict && reader.Status != RecordStatus.BlankLine)
        {
            throw new ShardReadException(shard.FullPath, reader.Row, $"{shard.FullPath} row {reader.Row}: {reader.Problem} (--strict stops at the first record that cannot be deduplicated; without it such records are kept and counted)");
        }
    }

    private BlockingCollection<PendingBatch> NewPool()
    {
        var pool = new BlockingCollection<PendingBatch>();
        for (int i = 0; i < MemoryBudget.BatchesPerReader; i++)
        {
            pool.Add(new PendingBatch(Math.Min(options.BatchBytes, 1 << 20), Math.Min(options.BatchDocuments, 4096)));
        }

        return pool;
    }

    /// <summary>Hands out the shards' indices in order, one to each reader that asks.</summary>
    private sealed class ShardCursor
    {
        private int taken = -1;

        public int Take() => Interlocked.Increment(ref taken);
    }

    /// <summary>One shard as a reader reads it: its batches in order, its own tally, and its content hash or the failure that stopped it.</summary>
    private sealed class ShardReading(Shard shard)
    {
        public Shard Shard { get; } = shard;

        public BlockingCollection<PendingBatch> Batches { get; } = new();

        public RecordTally Tally { get; } = new(log: null);

        /// <summary>Where the backend returns the shard's batches: the pool of the reader that reads it.</summary>
        public BlockingCollection<PendingBatch>? Free { get; set; }

        public ulong ContentHash { get; set; }

        public Exception? Failure { get; set; }
    }
}
