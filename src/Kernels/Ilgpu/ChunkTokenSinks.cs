using System.Runtime.CompilerServices;
using Dedup.Kernels.Text;
using ILGPU;

namespace Dedup.Kernels.Ilgpu;

/// <summary>Receives the tokens of a chunk (<see cref="GpuChunkTokenizer"/>) and hears where documents start.</summary>
public interface IChunkTokenSink : ITokenSink
{
    /// <summary>
    /// The tokens that follow belong to document <paramref name="d"/>, which starts in the chunk
    /// when <paramref name="startsHere"/> (else it started in an earlier chunk).
    /// </summary>
    void EnterDocument(int d, bool startsHere);
}

/// <summary>Counts a chunk's tokens (first pass: sizes only).</summary>
public struct ChunkTokenCounter : IChunkTokenSink
{
    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong tokenHash) => Count++;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void EnterDocument(int d, bool startsHere)
    {
    }
}

/// <summary>
/// Writes a chunk's tokens at their batch-wide indices, from the chunk's first index on, with
/// the document each belongs to, and the first token index of each document that starts in the chunk.
/// </summary>
public struct ChunkTokenWriter(ArrayView<ulong> tokens, ArrayView<int> tokenDocuments, ArrayView<int> documentFirstTokens, int first) : IChunkTokenSink
{
    private readonly ArrayView<ulong> tokens = tokens;
    private readonly ArrayView<int> tokenDocuments = tokenDocuments;
    private readonly ArrayView<int> documentFirstTokens = documentFirstTokens;
    private int next = first;
    private int document = -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong tokenHash)
    {
        tokens[next] = tokenHash;
        tokenDocuments[next] = document;
        next++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnterDocument(int d, bool startsHere)
    {
        // Tokens are numbered in text order, so a document's first token is the next one.
        if (startsHere)
        {
            documentFirstTokens[d] = next;
        }

        document = d;
    }
}
