using System.Text;
using Dedup.Kernels.Signatures;
using Dedup.Kernels.Text;

namespace Dedup.Kernels.Tests.Text;

public sealed class FoldTableTests
{
    [Theory]
    [InlineData("Hello, World!", new[] { "hello", "world" })]
    [InlineData("Café naïve ÉCOLE Ørsted", new[] { "cafe", "naive", "ecole", "ørsted" })]
    [InlineData("e\u0301te\u0301", new[] { "ete" })]
    [InlineData("Ｈｅｌｌｏ　ＷＯＲＬＤ１２３", new[] { "hello", "world123" })]
    [InlineData("数据去重，很重要。", new[] { "数", "据", "去", "重", "很", "重", "要" })]
    [InlineData("ひらがなとカタカナ", new[] { "ひ", "ら", "が", "な", "と", "カ", "タ", "カ", "ナ" })]
    [InlineData("ｶﾀｶﾅ", new[] { "カ", "タ", "カ", "ナ" })]
    [InlineData("GPU加速的MinHash算法v2", new[] { "gpu", "加", "速", "的", "minhash", "算", "法", "v2" })]
    [InlineData("don't stop-the-music", new[] { "don", "t", "stop", "the", "music" })]
    [InlineData("😀 👍🏽 ❤️ …", new string[0])]
    [InlineData("İstanbul STRASSE Straße", new[] { "istanbul", "strasse", "straße" })]
    public void TokensFollowTheTextModel(string text, string[] expected)
    {
        Assert.Equal(expected, ReferenceSignature.TokenStrings(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void InvalidBytesSeparateWords()
    {
        byte[] text = [(byte)'a', (byte)'b', 0xFF, (byte)'c', 0xE4, 0xB8, (byte)'d'];
        Assert.Equal(["ab", "c", "d"], ReferenceSignature.TokenStrings(text));
    }

    [Theory]
    [InlineData("你好，世界！（测试）", "你好, 世界! (测试)")] // full-width punctuation
    [InlineData("數據去重與電腦學習", "数据去重与电脑学习")] // traditional Chinese
    public void AVariantHasTheTokensOfItsPlainForm(string variant, string plain)
    {
        Assert.Equal(ReferenceSignature.Tokens(Encoding.UTF8.GetBytes(plain)), ReferenceSignature.Tokens(Encoding.UTF8.GetBytes(variant)));
    }

    [Fact]
    public void TableIsCompactAndDeterministic()
    {
        var table = FoldTable.Default;
        Assert.Equal(FoldTable.CodePointCount >> FoldTable.BlockBits, table.Blocks.Length);
        Assert.True(table.Entries.Length < 1 << 20, $"{table.Entries.Length} entries");
        for (int cp = 0; cp < FoldTable.CodePointCount; cp++)
        {
            Assert.Equal(FoldTable.EntryFor(cp), table.Lookup(cp));
        }
    }
}
