namespace Dedup.Bench;

/// <summary>
/// A uniform sample of the documents offered so far (reservoir sampling, Vitter's Algorithm R), bounded so
/// that memory stays flat however large the corpus, while duplicates still point anywhere back into it
/// (and so into other shards).
/// </summary>
public sealed class DocumentReservoir(Random random, int capacity)
{
    private readonly List<GeneratedDocument> documents = [];
    private long offered;

    public bool IsEmpty => documents.Count == 0;

    public void Offer(GeneratedDocument document)
    {
        offered++;
        if (documents.Count < capacity)
        {
            documents.Add(document);
            return;
        }

        long slot = random.NextInt64(offered);
        if (slot < capacity)
        {
            documents[(int)slot] = document;
        }
    }

    public GeneratedDocument Pick() => documents[random.Next(documents.Count)];
}
