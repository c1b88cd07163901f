using System.Text;
using Dedup.Kernels.Cpu;
using Dedup.Kernels.Signatures;
using Dedup.Kernels.Text;

namespace Dedup.Kernels.Tests.Cpu;

/// <summary>
/// The CPU backend's vector paths (sixteen ASCII words at a time, eight shingles at a time) give
/// exactly the reference's tokens and shingles, and so does the scalar path they fall back to on
/// machines without AVX-512; each path that this machine can run is checked.
/// </summary>
public sealed unsafe class CpuVectorPathTests
{
    public static TheoryData<bool> TokenizerPaths() => Paths(CpuChunkTokenizer.IsAccelerated);

    public static TheoryData<bool> ShinglePaths() => Paths(VectorMix.IsAccelerated);

    [Theory]
    [MemberData(nameof(TokenizerPaths))]
    public void AsciiTokensAreTheReferenceTokens(bool vectorised)
    {
        var random = new Random(5);
        var documents = new List<byte[]>
        {
            Array.Empty<byte>(),
            Encoding.ASCII.GetBytes(new string('a', 64)),
            Encoding.ASCII.GetBytes(new string('a', 64) + new string('b', 64)),
            Encoding.ASCII.GetBytes(string.Join(' ', Enumerable.Range(0, 200).Select(i => (char)('a' + (i % 26))))),
            // A word carried into a chunk of more than sixteen words.
            Encoding.ASCII.GetBytes(new string('w', 70) + string.Concat(Enumerable.Repeat(" x", 40))),
            Encoding.ASCII.GetBytes(new string(' ', 63) + "x" + new string(' ', 64) + "y"),
        };
        for (int i = 0; i < 400; i++)
        {
            documents.Add(RandomText(random, random.Next(0, 400)));
        }

        foreach (var document in documents)
        {
            // Each document twice: at the start of the buffer and at an odd offset into it.
            foreach (int offset in new[] { 0, 13 })
            {
                var buffer = new byte[offset + document.Length];
                document.CopyTo(buffer, offset);
                Assert.Equal(ReferenceSignature.Tokens(document), Tokenize(buffer, offset, vectorised));
            }
        }
    }

    [Theory]
    [MemberData(nameof(ShinglePaths))]
    public void ShinglesAreTheReferenceShingles(bool vectorised)
    {
        var random = new Random(9);
        foreach (int n in new[] { 1, 2, 3, 5, 9 })
        {
            foreach (int tokenCount in new[] { 0, 1, 4, 5, 7, 8, 9, 15, 16, 17, 100 })
            {
                var tokens = Enumerable.Range(0, tokenCount).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40)).ToList();
                var shingles = new uint[Shingling.Count(tokenCount, n)];
                VectorShingles.Hash(tokens.ToArray(), Shingling.Width(tokenCount, n), shingles, vectorised);
                Assert.Equal(ReferenceSignature.Shingles(tokens, n), shingles);
            }
        }
    }

    private static TheoryData<bool> Paths(bool accelerated)
    {
        var paths = new TheoryData<bool> { false };
        if (accelerated)
        {
            paths.Add(true);
        }

        return paths;
    }

    /// <summary>
    /// Printable ASCII with words of 1-100 characters (across chunk edges, longer than a chunk, up
    /// to 32 in one chunk), separator runs, the punctuation next to the letters' and digits' byte
    /// ranges, and now and then a non-ASCII character, so the path hands words to the scalar one.
    /// </summary>
    private static byte[] RandomText(Random random, int length)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        const string separators = " \t\n@[`{/:!~\x7f\0";
        var text = new StringBuilder();
        while (text.Length < length)
        {
            int kind = random.Next(20);
            if (kind == 0)
            {
                text.Append(random.Next(2) == 0 ? "é" : "中");
            }
            else if (kind < 8)
            {
                text.Append(separators[random.Next(separators.Length)], random.Next(1, 4));
            }
            else
            {
                int word = random.Next(4) == 0 ? random.Next(1, 101) : random.Next(1, 9);
                for (int c = 0; c < word; c++)
                {
                    text.Append(letters[random.Next(letters.Length)]);
                }
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static List<ulong> Tokenize(byte[] buffer, int start, bool vectorised)
    {
        var tokens = new ulong[buffer.Length + CpuScratch.LaneSlack];
        fixed (byte* text = buffer)
        fixed (ulong* output = tokens)
        {
            var sink = new BufferTokenSink(output);
            CpuChunkTokenizer.Run(text, start, buffer.Length, new PointerFoldTable(FoldTable.Default), ref sink, vectorised);
            return tokens.Take(sink.Count).ToList();
        }
    }
}
