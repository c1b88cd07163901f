using Dedup.Engine.Inspection;

namespace Dedup.Engine.Tests.Inspection;

public sealed class WordDiffTests
{
    [Fact]
    public void MarksDeletionsAndInsertionsOfWords()
    {
        Assert.Equal("the [-quick-]{+slow+} brown fox", WordDiff.Compact("the quick brown fox", "the slow brown fox"));
        Assert.Equal("a b{+ c+}", WordDiff.Compact("a b", "a b c"));
    }

    [Fact]
    public void DiffsChineseByCharacter()
    {
        Assert.Equal("数据[-去-]{+除+}重", WordDiff.Compact("数据去重", "数据除重"));
        Assert.Equal("你好[-，-]{+,+}世界", WordDiff.Compact("你好，世界", "你好,世界"));
    }

    [Fact]
    public void ShortensLongUnchangedStretchesToContext()
    {
        string kept = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"w{i}"));
        string other = kept.Replace("w50", "changed");
        string diff = WordDiff.Compact(kept, other, context: 2);
        Assert.Equal(" ... w48 w49 [-w50-]{+changed+} w51 w52 ... ", diff);
    }

    [Fact]
    public void SaysWhenTextsAreIdentical()
    {
        Assert.Equal("(identical text)", WordDiff.Compact("same text", "same text"));
    }
}
