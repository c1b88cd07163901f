using Dedup.Engine.Reporting.Html;

namespace Dedup.Engine.Tests.Reporting;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<b>&\"'</b>", "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;")]
    [InlineData("part-00001.jsonl.gz", "part-00001.jsonl.gz")]
    [InlineData("数据/第一部分.jsonl", "数据/第一部分.jsonl")]
    [InlineData("emoji 😀 stays", "emoji 😀 stays")]
    [InlineData("tab\tand\nnewline", "tab\tand\nnewline")]
    public void EscapesMarkupAndKeepsText(string text, string expected)
    {
        Assert.Equal(expected, HtmlText.Escape(text));
    }

    /// <summary>
    /// File names can hold characters XML forbids; they must not make the page unparseable. The
    /// strings are built here: xunit's theory data would mangle lone surrogates on its own.
    /// </summary>
    [Theory]
    [InlineData(0x0007)]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    [InlineData(0xFFFE)]
    public void ReplacesCharactersXmlForbids(int code)
    {
        Assert.Equal("a\uFFFDb.jsonl", HtmlText.Escape($"a{(char)code}b.jsonl"));
        Assert.Equal("ends in \uFFFD", HtmlText.Escape($"ends in {(char)code}"));
    }
}
