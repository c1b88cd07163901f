using System.Diagnostics;
using Dedup.Engine.Slurm;

namespace Dedup.Engine.Tests.Slurm;

public class ShellQuoteTests
{
    private static readonly string[] Words =
    [
        "plain", "/abs/path/dedup.dll", "--run-dir", "with space", "it's", "'", "\"quoted\"", "$HOME", "`date`", "a\\b", "*", "semi;colon", "", "tab\there", "ünïcode 中文", "--array=0-3%2",
    ];

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("/a/b-c_d.e/f,g:h=i+j@k%l", "/a/b-c_d.e/f,g:h=i+j@k%l")]
    [InlineData("with space", "'with space'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    [InlineData("$HOME", "'$HOME'")]
    public void BashQuotesOnlyWhatNeedsIt(string word, string expected) =>
        Assert.Equal(expected, ShellQuote.Bash(word));

    [Fact]
    public void BashReadsTheQuotedWordsBackUnchanged()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("printf '%s\\0' " + ShellQuote.Bash(Words));
        using var bash = Process.Start(start)!;
        string output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        Assert.Equal(Words, output.Split('\0')[..^1]);
    }

    [Theory]
    [InlineData("--mem=1G", "--mem=1G")]
    [InlineData("--comment=a b", "\"--comment=a b\"")]
    [InlineData("--comment=say \"hi\"", "\"--comment=say \\\"hi\\\"\"")]
    [InlineData("--output=/x\\y", "\"--output=/x\\\\y\"")]
    public void SbatchDirectiveDoubleQuotesWithBackslashEscapes(string argument, string expected) =>
        Assert.Equal(expected, ShellQuote.SbatchDirective(argument));

    [Fact]
    public void SbatchDirectiveRefusesALineBreak() =>
        Assert.Throws<UsageException>(() => ShellQuote.SbatchDirective("--comment=a\nb"));
}
