using System.Text;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles.Records;

namespace Dedup.Engine.RunFiles;

/// <summary>What <see cref="DocumentDetails.Load"/> reads of each document.</summary>
[Flags]
public enum DocumentParts
{
    /// <summary>The document record (documents.bin).</summary>
    Records = 1,

    /// <summary>The id (ids.bin), and the record that says where it lies.</summary>
    Ids = 2 | Records,

    /// <summary>The signature (signatures.bin).</summary>
    Signatures = 4,
}

/// <summary>
/// The records and ids, or signatures, or both, of a set of documents, loaded together: each
/// task's files are read in document order with nearby documents in one read
/// (<see cref="Files.RecordFile{T}.ReadRanges"/>), where looking documents up one by one made four
/// system calls each. The stages load a bounded batch at a time
/// (<see cref="MemoryBudget.LookupDocuments"/>): candidate pairs to verify, clusters.jsonl's
/// members, a shard's removed rows.
/// </summary>
public sealed class DocumentDetails
{
    private readonly ulong[] references;
    private readonly DocumentRecord[] records;
    private readonly string[] ids;
    private readonly uint[]? signatures;
    private readonly int permutations;

    private DocumentDetails(ulong[] references, DocumentRecord[] records, string[] ids, uint[]? signatures, int permutations)
    {
        this.references = references;
        this.records = records;
        this.ids = ids;
        this.signatures = signatures;
        this.permutations = permutations;
    }

    /// <summary>Loads <paramref name="parts"/> of the documents <paramref name="documents"/> (any order, repeats allowed).</summary>
    public static DocumentDetails Load(RunSet runs, IEnumerable<ulong> documents, DocumentParts parts)
    {
        var references = documents.Distinct().Order().ToArray();
        int permutations = runs.This.Plan.Configuration.Permutations;
        bool withRecords = parts.HasFlag(DocumentParts.Records);
        bool withIds = parts.HasFlag(DocumentParts.Ids);
        var records = new DocumentRecord[withRecords ? references.Length : 0];
        var ids = new string[withIds ? references.Length : 0];
        var signatures = parts.HasFlag(DocumentParts.Signatures) ? new uint[references.Length * permutations] : null;
        int first = 0;
        while (first < references.Length)
        {
            // References sort by run, then task, then index: one task's documents are consecutive.
            int run = DocumentRef.Run(references[first]);
            int task = DocumentRef.Task(references[first]);
            int end = first + 1;
            while (end < references.Length && DocumentRef.Run(references[end]) == run && DocumentRef.Task(references[end]) == task)
            {
                end++;
            }

            var group = references.AsSpan(first, end - first);
            if (withRecords)
            {
                runs.File<DocumentRecord>(run, task, RunFileNames.Documents).ReadRanges(Ranges(group, 1), records.AsSpan(first, end - first));
            }

            if (withIds)
            {
                LoadIds(runs.File<byte>(run, task, RunFileNames.Ids), records.AsSpan(first, end - first), ids.AsSpan(first, end - first));
            }

            if (signatures is not null)
            {
                runs.File<uint>(run, task, RunFileNames.Signatures).ReadRanges(
                    Ranges(group, permutations), signatures.AsSpan(first * permutations, (end - first) * permutations));
            }

            first = end;
        }

        return new DocumentDetails(references, records, ids, signatures, permutations);
    }

    public DocumentRecord Record(ulong document) => records[IndexOf(document)];

    public string Id(ulong document) => ids[IndexOf(document)];

    /// <summary>The fraction of equal signature values: the MinHash estimate of Jaccard similarity.</summary>
    public double EstimatedJaccard(ulong a, ulong b)
    {
        var x = Signature(IndexOf(a));
        var y = Signature(IndexOf(b));
        int equal = 0;
        for (int i = 0; i < x.Length; i++)
        {
            equal += x[i] == y[i] ? 1 : 0;
        }

        return (double)equal / x.Length;
    }

    private ReadOnlySpan<uint> Signature(int index) =>
        (signatures ?? throw new InvalidOperationException("loaded without signatures")).AsSpan(index * permutations, permutations);

    private int IndexOf(ulong document)
    {
        int index = Array.BinarySearch(references, document);
        return index >= 0 ? index : throw new KeyNotFoundException($"document {document:x16} was not loaded");
    }

    /// <summary>Each document's records in a file of <paramref name="perDocument"/> records per document.</summary>
    private static (long First, int Count)[] Ranges(ReadOnlySpan<ulong> group, int perDocument)
    {
        var ranges = new (long First, int Count)[group.Length];
        for (int i = 0; i < group.Length; i++)
        {
            ranges[i] = ((long)DocumentRef.Local(group[i]) * perDocument, perDocument);
        }

        return ranges;
    }

    private static void LoadIds(RecordFile<byte> file, ReadOnlySpan<DocumentRecord> records, Span<string> into)
    {
        // Ids lie in ids.bin in document order, so the ranges are ascending as the records are.
        var ranges = new (long First, int Count)[records.Length];
        int total = 0;
        for (int i = 0; i < records.Length; i++)
        {
            ranges[i] = (records[i].IdOffset, records[i].IdLength);
            total += records[i].IdLength;
        }

        var bytes = new byte[total];
        file.ReadRanges(ranges, bytes);
        int at = 0;
        for (int i = 0; i < records.Length; i++)
        {
            into[i] = Encoding.UTF8.GetString(bytes, at, records[i].IdLength);
            at += records[i].IdLength;
        }
    }
}
