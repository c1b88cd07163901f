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

    [Fact]
    public void CountsChangesOfWhitespaceAloneWithoutShowingThem()
    {
        Assert.Equal("(only whitespace differs, in 3 places)", WordDiff.Compact("a b c d", "a  b\tc\nd"));
        Assert.Equal("(only whitespace differs, in 1 place)", WordDiff.Compact("a b", "  a b"));
        Assert.Equal("the quick brown [-fox-]{+cat+} jumps (and whitespace differs in 2 places)", WordDiff.Compact("the quick brown fox jumps", "the  quick\tbrown cat jumps"));
    }

    [Fact]
    public void ShowsTheEditsInsideChangedSpacing()
    {
        Assert.Equal("a [-is-]{+IS+} b (and whitespace differs in 2 places)", WordDiff.Compact("a is b", "a  IS  b"));
    }

    [Fact]
    public void WhitespaceChangesDoNotCrowdOutTheEdits()
    {
        string kept = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}"));
        string other = kept.Replace(" ", "  ").Replace("w39", "changed");
        Assert.Equal(" ... w37 w38 [-w39-]{+changed+} (and whitespace differs in 39 places)", WordDiff.Compact(kept, other, context: 2, maxChanges: 3));
    }
}
