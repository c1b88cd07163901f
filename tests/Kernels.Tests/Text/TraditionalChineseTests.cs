using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dedup.Kernels.Signatures;
using Dedup.Kernels.Text;

namespace Dedup.Kernels.Tests.Text;

/// <summary>The fold table's traditional -> simplified Chinese map (docs/ALGORITHM.md, "Folding", rule 6).</summary>
public sealed class TraditionalChineseTests
{
    [Theory]
    [InlineData("體", "体")]
    [InlineData("電", "电")]
    [InlineData("門", "门")]
    [InlineData("學", "学")]
    [InlineData("\u2FA8", "门")] // the Kangxi radical ⾨: NFKC gives 門, which then simplifies
    [InlineData("\uF900", "岂")] // a compatibility ideograph of 豈
    public void TraditionalCharactersFoldToTheirSimplifiedForm(string traditional, string simplified)
    {
        Assert.Equal([simplified], ReferenceSignature.TokenStrings(Encoding.UTF8.GetBytes(traditional)));
    }

    /// <summary>
    /// Characters simplified text uses apart from the form a traditional one simplifies to: left
    /// alone by the generator's rule (乾 干, 於 于) or not in OpenCC's character table at all (著 着).
    /// </summary>
    [Theory]
    [InlineData("乾")]
    [InlineData("干")]
    [InlineData("於")]
    [InlineData("于")]
    [InlineData("著")]
    [InlineData("着")]
    public void CharactersSimplifiedTextKeepsApartStayThemselves(string character)
    {
        Assert.Equal([character], ReferenceSignature.TokenStrings(Encoding.UTF8.GetBytes(character)));
    }

    /// <summary>
    /// One to one as applied: the table maps in one step, so a simplified form that simplified
    /// further (a chain) would leave a traditional text and its simplified copy apart.
    /// </summary>
    [Fact]
    public void EveryPairFoldsToTheSimplifiedFormWhichFoldsToItself()
    {
        var table = FoldTable.Default;
        Assert.NotEmpty(TraditionalChinese.Pairs);
        foreach (var (traditional, simplified) in TraditionalChinese.Pairs)
        {
            Assert.Equal(CharClass.Entry(CharClass.Ideograph, traditional, simplified), table.Lookup(traditional));
            Assert.Equal(CharClass.Entry(CharClass.Ideograph, simplified, simplified), table.Lookup(simplified));
        }
    }

    [Fact]
    public void NoIdeographFoldsToACodePointThatFoldsFurther()
    {
        var table = FoldTable.Default;
        for (int cp = 0; cp < FoldTable.CodePointCount; cp++)
        {
            uint entry = table.Lookup(cp);
            if (CharClass.Of(entry) == CharClass.Ideograph)
            {
                int folded = (int)CharClass.Folded(entry, cp);
                Assert.Equal(CharClass.Entry(CharClass.Ideograph, folded, folded), table.Lookup(folded));
            }
        }
    }

    /// <summary>
    /// docs/ALGORITHM.md names the map (its pair count and SHA-256) and the fold table's fingerprint
    /// with it; the fingerprint also follows .NET's Unicode data and ICU's normalization, so on another
    /// runtime or ICU this says the documented runs are not comparable with this machine's.
    /// </summary>
    [Fact]
    public void TheMapAndTheTableAreTheOnesAlgorithmMdNames()
    {
        string doc = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "ALGORITHM.md"));
        using var resource = typeof(FoldTable).Assembly.GetManifestResourceStream(TraditionalChinese.ResourceName)!;
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(resource));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{TraditionalChinese.Pairs.Count:N0} pairs"), doc);
        Assert.Contains($"SHA-256 `{sha256}`", doc);
        Assert.Contains($"fingerprint `{FoldTable.Default.Fingerprint:x16}`", doc);
    }
}
