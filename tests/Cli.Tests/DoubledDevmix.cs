namespace Dedup.Cli.Tests;

/// <summary>
/// devmix's shards, twice (under two names), and one uninterrupted run over them: a corpus large
/// enough that a run on one thread lasts a few seconds, for tests that kill, interrupt or race it.
/// </summary>
public sealed class DoubledDevmix : IDisposable
{
    private readonly TempFolder temp = new();

    public DoubledDevmix()
    {
        foreach (string shard in Directory.GetFiles(Path.Combine(TestPaths.Devmix, "shards")))
        {
            File.Copy(shard, temp.PathOf("in/a-" + Path.GetFileName(shard)));
            File.Copy(shard, temp.PathOf("in/b-" + Path.GetFileName(shard)));
        }

        Input = temp.PathOf("in");
        Expected = temp.PathOf("expected");
        var run = CliRunner.Run("run", Input, "-o", Expected, "-q");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    public string Input { get; }

    /// <summary>The outputs of one uninterrupted `dedup run` over <see cref="Input"/>.</summary>
    public string Expected { get; }

    public void Dispose() => temp.Dispose();
}
