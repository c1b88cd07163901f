using System.Buffers;
using System.Text;
using Dedup.Kernels.Hashing;
using Dedup.Kernels.Text;

namespace Dedup.Kernels.Signatures;

/// <summary>
/// The signature function of docs/ALGORITHM.md written as plainly as possible: the oracle every
/// backend is compared with bit for bit. It decodes with .NET's own UTF-8 decoder and keeps
/// every intermediate list, so it shares only the table and the hash primitives with the kernels.
/// </summary>
public static class ReferenceSignature
{
    public static DocumentSignature Compute(ReadOnlySpan<byte> utf8, SignatureParameters parameters)
    {
        var tokens = Tokens(utf8);
        var shingles = Shingles(tokens, parameters.ShingleSize);
        var signature = MinHash(shingles, parameters.PermutationSeeds);
        var bandKeys = tokens.Count == 0 ? new ulong[parameters.Bands] : BandKeys(signature, parameters.Bands, parameters.Rows);
        var content = ContentHasher.Create();
        foreach (ulong token in tokens)
        {
            content.Add(token);
        }

        return new DocumentSignature(signature, bandKeys, new UInt128(content.High, content.Low), tokens.Count);
    }

    /// <summary>The folded tokens of the text as strings (for tests and for people reading them).</summary>
    public static List<string> TokenStrings(ReadOnlySpan<byte> utf8)
    {
        var result = new List<string>();
        foreach (var token in FoldedTokens(utf8))
        {
            result.Add(string.Concat(token.Select(cp => char.ConvertFromUtf32(cp))));
        }

        return result;
    }

    public static List<ulong> Tokens(ReadOnlySpan<byte> utf8)
    {
        var hashes = new List<ulong>();
        foreach (var token in FoldedTokens(utf8))
        {
            ulong h = Mix.TokenSeed;
            foreach (int cp in token)
            {
                h = Mix.Absorb(h, (ulong)cp);
            }

            hashes.Add(Mix.Finish(h, token.Count));
        }

        return hashes;
    }

    /// <summary>Shingle values: one per window of n tokens, or one of all tokens when there are fewer.</summary>
    public static List<uint> Shingles(List<ulong> tokens, int n)
    {
        var shingles = new List<uint>();
        if (tokens.Count == 0)
        {
            return shingles;
        }

        int width = Math.Min(n, tokens.Count);
        for (int start = 0; start + width <= tokens.Count; start++)
        {
            ulong h = Mix.ShingleSeed;
            for (int k = 0; k < width; k++)
            {
                h = Mix.Absorb(h, tokens[start + k]);
            }

            shingles.Add(Mix.To32(Mix.Finish(h, width)));
        }

        return shingles;
    }

    public static uint[] MinHash(List<uint> shingles, uint[] permutationSeeds)
    {
        var signature = new uint[permutationSeeds.Length];
        for (int p = 0; p < signature.Length; p++)
        {
            uint min = uint.MaxValue;
            foreach (uint x in shingles)
            {
                min = Math.Min(min, Mix.Permute(x, permutationSeeds[p]));
            }

            signature[p] = min;
        }

        return signature;
    }

    public static ulong[] BandKeys(uint[] signature, int bands, int rows)
    {
        var keys = new ulong[bands];
        for (int band = 0; band < bands; band++)
        {
            ulong h = Mix.Absorb(Mix.BandSeed, (ulong)band);
            for (int row = 0; row < rows; row++)
            {
                h = Mix.Absorb(h, signature[(band * rows) + row]);
            }

            keys[band] = Mix.Finish(h, rows);
        }

        return keys;
    }

    private static List<List<int>> FoldedTokens(ReadOnlySpan<byte> utf8)
    {
        var table = FoldTable.Default;
        var tokens = new List<List<int>>();
        var word = new List<int>();
        while (!utf8.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(utf8, out var rune, out int consumed);
            int cp = status == OperationStatus.Done ? rune.Value : Utf8Decoder.ReplacementCharacter;
            utf8 = utf8[consumed..];
            uint entry = table.Lookup(cp);
            switch (CharClass.Of(entry))
            {
                case CharClass.Word:
                    word.Add((int)CharClass.Folded(entry, cp));
                    break;
                case CharClass.Ideograph:
                    EndWord(tokens, ref word);
                    tokens.Add([(int)CharClass.Folded(entry, cp)]);
                    break;
                case CharClass.Separator:
                    EndWord(tokens, ref word);
                    break;
            }
        }

        EndWord(tokens, ref word);
        return tokens;
    }

    private static void EndWord(List<List<int>> tokens, ref List<int> word)
    {
        if (word.Count > 0)
        {
            tokens.Add(word);
            word = [];
        }
    }
}
