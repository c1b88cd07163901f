namespace Dedup.Engine.Pipeline;

/// <summary>What the run knows of one signed document.</summary>
/// <param name="Rank">Its rank under the keep policy: the highest-ranked member of a cluster is kept.</param>
public readonly record struct DocumentInfo(int Shard, long Row, int TextBytes, int TokenCount, UInt128 ContentHash, double Rank);

/// <summary>
/// Signed documents by dense index: the order in which they were read, which is (shard, row)
/// order because shards are read in their sorted order. Ids are kept for the outputs.
/// </summary>
public sealed class DocumentTable
{
    private readonly List<DocumentInfo> documents = [];
    private readonly List<string> ids = [];

    public int Count => documents.Count;

    public DocumentInfo this[int index] => documents[index];

    public string Id(int index) => ids[index];

    public int Add(DocumentInfo info, string id)
    {
        documents.Add(info);
        ids.Add(id);
        return documents.Count - 1;
    }
}
