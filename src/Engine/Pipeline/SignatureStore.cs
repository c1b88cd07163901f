namespace Dedup.Engine.Pipeline;

/// <summary>Every signed document's MinHash signature, by dense index.</summary>
public sealed class SignatureStore(int permutations)
{
    // Fixed-size chunks rather than one growing array: adding never copies what is stored, and
    // the store is not limited to one array's 2^31 elements.
    private const int DocumentsPerChunk = 8192;

    private readonly List<uint[]> chunks = [];

    public int Permutations { get; } = permutations;

    public int Count { get; private set; }

    public ReadOnlySpan<uint> this[int index] =>
        chunks[index / DocumentsPerChunk].AsSpan(index % DocumentsPerChunk * Permutations, Permutations);

    public void Add(ReadOnlySpan<uint> signature)
    {
        if (Count % DocumentsPerChunk == 0)
        {
            chunks.Add(new uint[DocumentsPerChunk * Permutations]);
        }

        signature.CopyTo(chunks[^1].AsSpan(Count % DocumentsPerChunk * Permutations));
        Count++;
    }

    /// <summary>The fraction of equal signature values: the MinHash estimate of Jaccard similarity.</summary>
    public double EstimatedJaccard(int a, int b)
    {
        var x = this[a];
        var y = this[b];
        int equal = 0;
        for (int i = 0; i < x.Length; i++)
        {
            equal += x[i] == y[i] ? 1 : 0;
        }

        return (double)equal / Permutations;
    }
}
