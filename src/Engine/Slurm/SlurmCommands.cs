using System.ComponentModel;
using System.Diagnostics;
using Dedup.Engine.IO;

namespace Dedup.Engine.Slurm;

/// <summary>sbatch and squeue from PATH, as child processes.</summary>
public sealed class SlurmCommands : ISlurmCommands
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public string Submit(IReadOnlyList<string> arguments)
    {
        var (exit, stdout, stderr) = Execute("sbatch", arguments)
            ?? throw new InputException("sbatch is not on PATH: submit from a Slurm login node (or install Slurm; .ci/install-slurm.sh does on Debian).");
        if (exit != 0)
        {
            throw new InputException($"sbatch {ShellQuote.Bash(arguments)} failed (exit code {exit}): {stderr.Trim()}");
        }

        // --parsable prints "jobid" or "jobid;cluster".
        string id = stdout.Trim().Split(';')[0];
        return id.Length > 0 && id.All(char.IsAsciiDigit)
            ? id
            : throw new InputException($"sbatch {ShellQuote.Bash(arguments)} printed '{stdout.Trim()}', not a job id.");
    }

    public IReadOnlyList<string>? Queued(IReadOnlyList<string> jobIds)
    {
        if (jobIds.Count == 0)
        {
            return [];
        }

        var result = Execute("squeue", ["--noheader", "--format=%i %T %R", "--jobs=" + string.Join(',', jobIds)]);
        if (result is not var (exit, stdout, stderr))
        {
            return null;
        }

        // squeue fails with "Invalid job id" once every listed job has left the queue; other
        // failures (no controller) leave the question open.
        if (exit == 0)
        {
            return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return stderr.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase) ? [] : null;
    }

    /// <summary>Exit code and output, or null when the program is not there.</summary>
    private static (int Exit, string Stdout, string Stderr)? Execute(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Patience))
            {
                process.Kill(entireProcessTree: true);
                throw new InputException($"{program} {ShellQuote.Bash(arguments)} did not answer in {Patience.TotalSeconds:N0} s; is the Slurm controller up (sinfo)?");
            }

            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
