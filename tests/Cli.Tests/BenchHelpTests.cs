namespace Dedup.Cli.Tests;

public sealed class BenchHelpTests
{
    [Theory]
    [InlineData("signatures", "--help")]
    [InlineData("generate", "--help")]
    [InlineData("pipeline", "--help")]
    [InlineData("staged", "-h")]
    [InlineData("gpu-check", "--help")]
    [InlineData("measure", "--help")]
    [InlineData("fuzz", "--help")]
    [InlineData("kill", "-h")]
    [InlineData("ptx", "--help")]
    public void EveryCommandPrintsItsUsageAndSucceeds(string command, string help)
    {
        var r = CliRunner.Bench(command, help);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith($"usage: bench {command} ", r.Stdout);
        Assert.Equal(string.Empty, r.Stderr);
    }

    [Fact]
    public void HelpWithoutACommandListsThemAll()
    {
        var r = CliRunner.Bench("--help");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("  generate --out DIR", r.Stdout);
        Assert.Contains("  ptx --out DIR", r.Stdout);
    }

    [Fact]
    public void HelpAfterTheSeparatorIsTheChildsAndMistakesStayUsageErrors()
    {
        using var temp = new TempFolder();
        var child = CliRunner.Bench("measure", "--result", temp.PathOf("usage.json"), "--", "dotnet", "--help");
        Assert.True(child.ExitCode == 0, child.ToString());
        Assert.DoesNotContain("usage: bench", child.Stdout);
        Assert.True(File.Exists(temp.PathOf("usage.json")));

        var typo = CliRunner.Bench("generate", "--hepl");
        Assert.Equal(1, typo.ExitCode);
        Assert.Contains("unknown option '--hepl'", typo.Stderr);
    }
}
