using System.Buffers;
using System.Text;
using Dedup.Kernels.Text;

namespace Dedup.Kernels.Tests.Text;

public sealed class Utf8DecoderTests
{
    /// <summary>Every lead byte followed by every pattern of boundary continuation bytes decodes as .NET's decoder does.</summary>
    [Fact]
    public void DecodingMatchesRuneDecodeFromUtf8OnEveryLeadByteAndBoundaryContinuations()
    {
        byte[] follow = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xFF];
        int checkedCount = 0;
        for (int b0 = 0; b0 < 256; b0++)
        {
            foreach (byte b1 in follow)
            {
                foreach (byte b2 in follow)
                {
                    foreach (byte b3 in follow)
                    {
                        AssertSame([(byte)b0, b1, b2, b3]);
                        checkedCount++;
                    }
                }
            }
        }

        Assert.Equal(256 * follow.Length * follow.Length * follow.Length, checkedCount);
    }

    [Theory]
    [InlineData(new byte[] { 0xE4 })]
    [InlineData(new byte[] { 0xE4, 0xB8 })]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 })]
    [InlineData(new byte[] { 0xC3 })]
    public void TruncatedSequenceAtTheEndIsOneReplacement(byte[] bytes)
    {
        var padded = new byte[4];
        bytes.CopyTo(padded, 0);
        int cp = Utf8Decoder.Decode(padded[0], padded[1], padded[2], padded[3], out int length);
        Assert.Equal(Utf8Decoder.ReplacementCharacter, cp);
        Assert.Equal(bytes.Length, length);
        Assert.Equal(OperationStatus.NeedMoreData, Rune.DecodeFromUtf8(bytes, out _, out int consumed));
        Assert.Equal(bytes.Length, consumed);
    }

    [Fact]
    public void DecodesEveryScalarValue()
    {
        for (int cp = 0; cp <= 0x10FFFF; cp += cp < 0x800 ? 1 : 7)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var bytes = new byte[4];
            int written = new Rune(cp).EncodeToUtf8(bytes);
            Assert.Equal(cp, Utf8Decoder.Decode(bytes[0], bytes[1], bytes[2], bytes[3], out int length));
            Assert.Equal(written, length);
        }
    }

    private static void AssertSame(byte[] bytes)
    {
        var status = Rune.DecodeFromUtf8(bytes, out var rune, out int expectedLength);
        int expected = status == OperationStatus.Done ? rune.Value : Utf8Decoder.ReplacementCharacter;
        int actual = Utf8Decoder.Decode(bytes[0], bytes[1], bytes[2], bytes[3], out int length);
        Assert.True(expected == actual && expectedLength == length, $"{Convert.ToHexString(bytes)}: expected U+{expected:X4}/{expectedLength}, got U+{actual:X4}/{length}");
    }
}
