using System.Numerics;
using System.Runtime.CompilerServices;
using Dedup.Kernels.Hashing;
using Dedup.Kernels.Signatures;
using Dedup.Kernels.Text;

namespace Dedup.Kernels.Backends;

/// <summary>
/// The CPU backend: documents in parallel over all cores, MinHash vectorised across
/// permutations with <see cref="Vector{T}"/>. Runs the same tokenizer as the kernels.
/// </summary>
public sealed class CpuBackend : ISignatureBackend
{
    private readonly ArrayFoldTable fold = new(FoldTable.Default);
    private readonly ThreadLocal<CpuScratch> scratch = new(() => new CpuScratch());
    private readonly ParallelOptions parallel;

    public CpuBackend(SignatureParameters parameters, int threads = 0)
    {
        Parameters = parameters;
        Threads = threads > 0 ? threads : Environment.ProcessorCount;
        parallel = new ParallelOptions { MaxDegreeOfParallelism = Threads };
    }

    public int Threads { get; }

    public string Name => $"cpu (Vector{Vector<uint>.Count * 32}, {Threads} threads)";

    public SignatureParameters Parameters { get; }

    public void Compute(DocumentBatch batch, SignatureBatch output)
    {
        output.Resize(batch.Count);
        const int DocumentsPerTask = 64;
        int tasks = (batch.Count + DocumentsPerTask - 1) / DocumentsPerTask;
        Parallel.For(0, tasks, parallel, t =>
        {
            var buffers = scratch.Value!;
            int end = Math.Min(batch.Count, (t + 1) * DocumentsPerTask);
            for (int d = t * DocumentsPerTask; d < end; d++)
            {
                ComputeDocument(batch, d, output, buffers);
            }
        });
    }

    public void Dispose() => scratch.Dispose();

    private void ComputeDocument(DocumentBatch batch, int d, SignatureBatch output, CpuScratch buffers)
    {
        var sink = new BufferTokenSink(buffers);
        Tokenizer.Run(new ArrayBytes(batch.Text), batch.Offsets[d], batch.Offsets[d + 1], fold, ref sink);
        int tokenCount = sink.Count;
        output.TokenCounts[d] = tokenCount;
        output.ContentHashes[2 * d] = sink.Content.Low;
        output.ContentHashes[(2 * d) + 1] = sink.Content.High;

        int n = Parameters.ShingleSize;
        int shingleCount = Shingling.Count(tokenCount, n);
        if (buffers.Shingles.Length < shingleCount)
        {
            buffers.Shingles = new uint[Math.Max(shingleCount, buffers.Shingles.Length * 2)];
        }

        HashShingles(buffers.Tokens.AsSpan(0, tokenCount), Shingling.Width(tokenCount, n), buffers.Shingles.AsSpan(0, shingleCount));
        var signature = output.Signatures.AsSpan(d * Parameters.Permutations, Parameters.Permutations);
        MinHash(buffers.Shingles.AsSpan(0, shingleCount), Parameters.PermutationSeeds, signature);
        var keys = output.BandKeys.AsSpan(d * Parameters.Bands, Parameters.Bands);
        if (tokenCount == 0)
        {
            keys.Clear();
        }
        else
        {
            BandKeys(signature, Parameters.Rows, keys);
        }
    }

    private static void HashShingles(ReadOnlySpan<ulong> tokens, int width, Span<uint> shingles)
    {
        for (int j = 0; j < shingles.Length; j++)
        {
            ulong h = Mix.ShingleSeed;
            foreach (ulong token in tokens.Slice(j, width))
            {
                h = Mix.Absorb(h, token);
            }

            shingles[j] = Mix.To32(Mix.Finish(h, width));
        }
    }

    /// <summary>Vector lanes hold consecutive permutations; each lane keeps its running minimum.</summary>
    private static void MinHash(ReadOnlySpan<uint> shingles, uint[] seeds, Span<uint> signature)
    {
        int lanes = Vector<uint>.Count;
        int vectorEnd = seeds.Length - (seeds.Length % lanes);
        for (int p = 0; p < vectorEnd; p += lanes)
        {
            var seed = new Vector<uint>(seeds, p);
            var min = new Vector<uint>(uint.MaxValue);
            foreach (uint x in shingles)
            {
                min = Vector.Min(min, Fmix32(new Vector<uint>(x) ^ seed));
            }

            min.CopyTo(signature[p..]);
        }

        for (int p = vectorEnd; p < seeds.Length; p++)
        {
            uint min = uint.MaxValue;
            foreach (uint x in shingles)
            {
                min = Math.Min(min, Mix.Permute(x, seeds[p]));
            }

            signature[p] = min;
        }
    }

    /// <summary><see cref="Mix.Fmix32"/> on every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<uint> Fmix32(Vector<uint> h)
    {
        h ^= Vector.ShiftRightLogical(h, 16);
        h *= 0x85EBCA6BU;
        h ^= Vector.ShiftRightLogical(h, 13);
        h *= 0xC2B2AE35U;
        h ^= Vector.ShiftRightLogical(h, 16);
        return h;
    }

    private static void BandKeys(ReadOnlySpan<uint> signature, int rows, Span<ulong> keys)
    {
        for (int band = 0; band < keys.Length; band++)
        {
            ulong h = Mix.Absorb(Mix.BandSeed, (ulong)band);
            foreach (uint v in signature.Slice(band * rows, rows))
            {
                h = Mix.Absorb(h, v);
            }

            keys[band] = Mix.Finish(h, rows);
        }
    }
}
