using System.Diagnostics;

namespace Dedup.Cli.Tests;

/// <summary>
/// A single-node Slurm cluster on this machine, started by ../shared/slurm/start-local-slurm.sh in
/// a folder of its own and stopped (its jobs cancelled first) on dispose, also when a test fails.
/// </summary>
public sealed class SlurmLocalCluster : IDisposable
{
    private readonly string folder;

    public SlurmLocalCluster(string folder)
    {
        this.folder = folder;
        RequiredTool.Require(
            "a local Slurm cluster",
            "bash .ci/install-slurm.sh (Debian's slurm-wlm and munge; .ci/run does it)",
            "sbatch", "squeue", "slurmctld", "slurmd", "munged");
        var start = Shell(Path.Combine(TestPaths.Shared, "slurm", "start-local-slurm.sh"));
        Assert.True(start.Exit == 0, $"start-local-slurm.sh failed (exit {start.Exit}):\n{start.Output}");
        Conf = Path.Combine(folder, "etc", "slurm.conf");
    }

    public string Conf { get; }

    /// <summary>What dedup and the Slurm client commands need to reach this cluster.</summary>
    public (string Name, string Value)[] Environment => [("SLURM_CONF", Conf), ("PATH", SearchPath)];

    private static string SearchPath => RequiredTool.SearchPath;

    /// <summary>squeue's lines for these jobs (their array tasks included) while any is pending or running; null when squeue failed.</summary>
    public IReadOnlyList<string>? Queued(IEnumerable<string> jobIds)
    {
        var result = Run("squeue", "--noheader", "--format=%i %T %R", "--jobs=" + string.Join(',', jobIds));
        if (result.Exit == 0)
        {
            return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        // Once every listed job has left the queue, squeue says "Invalid job id".
        return result.Output.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase) ? [] : null;
    }

    public (int Exit, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        return Execute(start);
    }

    public void Dispose()
    {
        Run("scancel", "--user", System.Environment.UserName);
        Shell(Path.Combine(TestPaths.Shared, "slurm", "stop-local-slurm.sh"));
    }

    private (int Exit, string Output) Shell(string script)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        return Execute(start);
    }

    private (int Exit, string Output) Execute(ProcessStartInfo start)
    {
        start.Environment["SLURM_LOCAL_DIR"] = folder;
        start.Environment["SLURM_CONF"] = Path.Combine(folder, "etc", "slurm.conf");
        start.Environment["PATH"] = SearchPath;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish in a minute");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
