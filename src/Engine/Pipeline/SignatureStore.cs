namespace Dedup.Engine.Pipeline;

/// <summary>Every signed document's MinHash signature, by dense index.</summary>
public sealed class SignatureStore(int permutations)
{
    private uint[] values = new uint[permutations * 1024];

    public int Permutations { get; } = permutations;

    public int Count { get; private set; }

    public ReadOnlySpan<uint> this[int index] => values.AsSpan(index * Permutations, Permutations);

    public void Add(ReadOnlySpan<uint> signature)
    {
        long needed = (long)(Count + 1) * Permutations;
        if (needed > values.Length)
        {
            Array.Resize(ref values, (int)Math.Min(Array.MaxLength, Math.Max(needed, values.Length * 2L)));
        }

        signature.CopyTo(values.AsSpan(Count * Permutations));
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
