using System.Text;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Ilgpu;
using Dedup.Kernels.Signatures;

namespace Dedup.Kernels.Tests.Ilgpu;

/// <summary>
/// The ILGPU kernels split text into fixed-size chunks (one tokenizing thread each), shingles
/// into segments (one MinHash work item each per permutation) and batches into parts (two
/// streams): with tiny sizes every boundary falls inside tokens, UTF-8 sequences, invalid bytes
/// and runs of combining marks, and the results must still be the reference's, bit for bit.
/// </summary>
public sealed class IlgpuChunkTests
{
    private static readonly SignatureParameters Parameters = new(shingleSize: 5, permutations: 64, bands: 8, rows: 8, seed: 42);

    /// <summary>Invalid and truncated sequences, each surrounded by letters so that whether it splits a word shows.</summary>
    private static readonly byte[][] InvalidSequences =
    [
        [0x80], [0xBF, 0x80, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xC1, 0xBF], [0xC2], [0xE0, 0x80, 0x80], [0xE0, 0xA0],
        [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0xF4, 0x90, 0x80, 0x80],
        [0xF5, 0x80], [0xFF], [0xE2, 0x82, 0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80, 0x80, 0x80],
    ];

    public static TheoryData<int> ChunkSizes() => new(1, 2, 3, 4, 5, 8, 16);

    /// <summary>Documents whose interesting bytes land on every position relative to a chunk boundary.</summary>
    public static List<byte[]> EdgeDocuments()
    {
        var documents = new List<byte[]>();
        string[] pieces =
        [
            "é", "中", "😀", "ｶ", "e\u0301", "İ", "\u0301", "中\u0301b", "a\u0301\u0301\u0301b", "。a", "a中b", "ﬁx",
            // Four-byte word characters: an ideograph of CJK Extension B and a mathematical letter (folds to b).
            "\U00020001", "a\U0001D41Bc",
        ];
        for (int shift = 0; shift < 9; shift++)
        {
            string lead = new('w', shift);
            foreach (string piece in pieces)
            {
                documents.Add(Utf8(lead + piece + "yz " + piece + "q"));
            }

            foreach (byte[] bad in InvalidSequences)
            {
                documents.Add([.. Utf8(lead), .. bad, .. Utf8("ab"), .. bad]);
                documents.Add([.. bad, .. Utf8(lead + " c"), .. bad, (byte)'d']);
            }
        }

        // Words and runs of combining marks longer than many chunks; marks after a separator and an ideograph.
        documents.Add(Utf8("a" + new string('\u0301', 60) + "b c"));
        documents.Add(Utf8(". " + new string('\u0301', 60) + "word"));
        documents.Add(Utf8("中" + new string('\u0301', 60) + "word"));
        documents.Add(Utf8(new string('\u0301', 61)));
        documents.Add(Utf8(new string('x', 300) + " " + new string('y', 3) + new string('z', 200)));
        documents.Add(Utf8(string.Concat(Enumerable.Repeat("中文", 150))));
        documents.Add(Utf8(string.Concat(Enumerable.Repeat("ab cd, ", 200))));
        return documents;
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void EdgeDocumentsMatchTheReferenceAtEveryChunkSize(int chunkBytes)
    {
        AssertMatchesReference(new IlgpuTuning(ChunkBytes: chunkBytes, SegmentTokens: 3, PartBytes: 1 << 20), EdgeDocuments());
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    public void DocumentsOfOneChunkAndOfManyChunksMatchTheReference(int chunkBytes)
    {
        var random = new Random(chunkBytes);
        var documents = new List<byte[]>();
        foreach (int length in new[] { chunkBytes - 1, chunkBytes, chunkBytes + 1, 2 * chunkBytes, 100 * chunkBytes + 3 })
        {
            foreach (string kind in new[] { "ascii", "chinese", "mixed", "invalid-utf8" })
            {
                documents.Add(Exactly(length, kind, random));
            }
        }

        AssertMatchesReference(new IlgpuTuning(ChunkBytes: chunkBytes, SegmentTokens: 7, PartBytes: 1 << 20), documents);
    }

    [Fact]
    public void ManyTinyDocumentsShareChunks()
    {
        var random = new Random(5);
        var documents = new List<byte[]>();
        for (int i = 0; i < 400; i++)
        {
            documents.Add(random.Next(4) switch
            {
                0 => [],
                1 => Utf8(((char)('a' + random.Next(26))).ToString()),
                2 => Utf8("中"),
                _ => [0xE2, (byte)'x', 0x82],
            });
        }

        AssertMatchesReference(new IlgpuTuning(ChunkBytes: 8, SegmentTokens: 4, PartBytes: 64), documents);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(4, 2, 50)]
    [InlineData(32, 16, 1000)]
    public void PartsAndSegmentsOfAnySizeGiveTheReferenceResults(int chunkBytes, int segmentTokens, int partBytes)
    {
        AssertMatchesReference(new IlgpuTuning(chunkBytes, segmentTokens, partBytes), RandomDocuments.Mixed(60, seed: partBytes));
    }

    [Fact]
    public void BuffersReusedAcrossBatchesOfOtherSizesGiveTheReferenceResults()
    {
        AssertMatchesReference(new IlgpuTuning(ChunkBytes: 8, SegmentTokens: 5, PartBytes: 500), RandomDocuments.Mixed(154, seed: 50), BatchLayouts.SmallBatches);
    }

    /// <summary>
    /// The equivalence check of the ILGPU CPU accelerator cut as <paramref name="tuning"/> says;
    /// by default the documents go as one batch behind other bytes, with their shingles captured.
    /// </summary>
    private static void AssertMatchesReference(IlgpuTuning tuning, List<byte[]> documents, BatchLayouts layouts = BatchLayouts.Offset)
    {
        var report = EquivalenceCheck.Of(documents, [Parameters], layouts).Run($"ilgpu-cpu, {tuning}", p => BackendFactory.CreateIlgpuCpu(p, tuning));
        Assert.True(report.Passed, report.Describe());
    }

    /// <summary>A document of exactly <paramref name="length"/> bytes of the kind (cut anywhere, even inside a UTF-8 sequence).</summary>
    private static byte[] Exactly(int length, string kind, Random random)
    {
        var bytes = new List<byte>();
        while (bytes.Count < length)
        {
            bytes.AddRange(RandomDocuments.Make(kind, random));
        }

        return bytes.GetRange(0, length).ToArray();
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
