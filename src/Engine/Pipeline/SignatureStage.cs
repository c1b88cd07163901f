using System.Collections.Concurrent;
using System.Diagnostics;
using Dedup.Engine.IO;
using Dedup.Engine.Lsh;
using Dedup.Engine.Progress;
using Dedup.Engine.Reporting;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Signatures;

namespace Dedup.Engine.Pipeline;

/// <summary>
/// Reads every shard in order and signs its documents in batches. A reader thread fills batches
/// while the backend signs the previous one. The same <see cref="BatchesInFlight"/> + 1 batches
/// circulate between the two (their buffers are reused, not reallocated), so memory is bounded
/// by the batch size, not by the corpus.
/// </summary>
/// <param name="shingleFile">Where to spill shingle sets for exact verification; null when not verifying exactly.</param>
public sealed class SignatureStage(ISignatureBackend backend, ReaderOptions readerOptions, DedupOptions options, RecordTally tally, RunProgress progress, string? shingleFile)
{
    private const int BatchesInFlight = 2;

    public SignedCorpus Run(IReadOnlyList<Shard> shards, CancellationToken cancellation)
    {
        var parameters = backend.Parameters;
        var shingles = shingleFile is null ? null : new ShingleStore(shingleFile);
        var corpus = new SignedCorpus(new DocumentTable(), new SignatureStore(parameters.Permutations), new BandIndex(parameters.Bands), shingles);
        using var queue = new BlockingCollection<PendingBatch>(BatchesInFlight);
        using var free = new BlockingCollection<PendingBatch>();
        for (int i = 0; i <= BatchesInFlight; i++)
        {
            free.Add(NewBatch());
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var reader = Task.Run(() => ReadAll(shards, queue, free, stop.Token), stop.Token);
        var output = new SignatureBatch(parameters) { CaptureShingles = shingles is not null };
        var compute = new Stopwatch();
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(stop.Token))
            {
                compute.Start();
                backend.Compute(batch.ToDocumentBatch(), output);
                compute.Stop();
                Append(batch, output, corpus);
                batch.Clear();
                free.Add(batch, stop.Token);
            }
        }
        catch
        {
            stop.Cancel();
            corpus.Dispose();
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

        corpus.Shingles?.Seal();
        corpus.ComputeSeconds = compute.Elapsed.TotalSeconds;
        return corpus;
    }

    private void ReadAll(IReadOnlyList<Shard> shards, BlockingCollection<PendingBatch> queue, BlockingCollection<PendingBatch> free, CancellationToken cancellation)
    {
        try
        {
            var batch = free.Take(cancellation);
            foreach (var shard in shards)
            {
                using var reader = ShardReaders.Open(shard, readerOptions);
                while (reader.Read())
                {
                    cancellation.ThrowIfCancellationRequested();
                    tally.Count(shard, reader.Row, reader.Status, reader.Problem);
                    progress.Record(reader.Text.Length);
                    progress.ReadInto(reader.FileBytesRead);
                    if (!RecordTally.IsSigned(reader.Status))
                    {
                        ThrowIfStrict(shard, reader);
                        continue;
                    }

                    var text = reader.Text;
                    if (!batch.Fits(text.Length, options.BatchBytes, options.BatchDocuments))
                    {
                        queue.Add(batch, cancellation);
                        batch = free.Take(cancellation);
                    }

                    batch.Add(text, shard.Index, reader.Row, reader.Id, options.Keep.Rank(text.Length, reader.Key));
                }

                progress.ShardRead(shard.Length);
            }

            if (batch.Count > 0)
            {
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

    private static void Append(PendingBatch batch, SignatureBatch output, SignedCorpus corpus)
    {
        var offsets = batch.ToDocumentBatch().Offsets;
        for (int i = 0; i < batch.Count; i++)
        {
            var (shard, row, id, rank) = batch.Sources[i];
            var info = new DocumentInfo(shard, row, offsets[i + 1] - offsets[i], output.TokenCounts[i], output.ContentHash(i), rank);
            int d = corpus.Documents.Add(info, id);
            corpus.Signatures.Add(output.Signature(i));
            corpus.Shingles?.Add(output.DocumentShingles(i));
            if (info.TokenCount > 0)
            {
                corpus.Bands.Add(d, output.DocumentBandKeys(i), (ulong)info.ContentHash);
            }
        }
    }
}
