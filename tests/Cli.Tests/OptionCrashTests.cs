namespace Dedup.Cli.Tests;

/// <summary>
/// Values a user can type that used to crash with a stack trace (or hang, or abort) are clear errors
/// naming the option, exit 1, before any output: an absurd --memory was an OutOfMemoryException,
/// --partitions 25000 aborted on too many open files, --num-perm 100000000 hung choosing bands.
/// </summary>
public sealed class OptionCrashTests
{
    [Theory]
    [InlineData("--memory", "100T")]
    [InlineData("--partitions", "25000")]
    [InlineData("--num-perm", "100000000")]
    [InlineData("--ngram", "0")]
    [InlineData("--threshold", "NaN")]
    [InlineData("--id-field", " ")]
    public void AnImpossibleValueIsAnErrorNamingItsOptionBeforeAnyOutput(string option, string value)
    {
        using var temp = new TempFolder();
        string output = temp.PathOf("out");

        var run = CliRunner.Run("run", TestPaths.SamplesCorpus, "-o", output, option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"dedup: error: {option}", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Exception", run.Stderr);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void AParquetFooterClaimingTwoGigabytesIsADamagedFileNamedNotAnOutOfMemoryCrash()
    {
        using var temp = new TempFolder();
        string shard = temp.Write("in/bad.parquet", [.. "PAR1"u8, .. new byte[100], 0xFF, 0xFF, 0xFF, 0x7F, .. "PAR1"u8]);

        var run = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{shard}: not a readable Parquet file: its footer claims 2,147,483,647 bytes", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.False(Directory.Exists(temp.PathOf("out")));
    }
}
