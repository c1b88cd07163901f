namespace Dedup.Cli.Tests;

/// <summary>
/// sbatch and squeue stand-ins on PATH: sbatch records each call's arguments and answers job ids
/// 1001, 1002, ...; squeue prints what <see cref="Queue"/> holds. No Slurm needed.
/// </summary>
public sealed class SlurmFakeSbatch : IDisposable
{
    private readonly TempFolder temp = new();

    public SlurmFakeSbatch()
    {
        Write("sbatch", """
            #!/bin/bash
            dir="$(dirname "$0")"
            n=$(( $(cat "$dir/count" 2>/dev/null || echo 0) + 1 ))
            echo "$n" > "$dir/count"
            printf '%s\0' "$@" > "$dir/call-$n"
            if [ -f "$dir/fail-at-$n" ]; then echo "sbatch: error: invalid partition specified: nope" >&2; exit 1; fi
            echo "$((1000 + n))"
            """);
        Write("squeue", """
            #!/bin/bash
            cat "$(dirname "$0")/queued" 2>/dev/null || true
            """);
    }

    public string Bin => temp.Root;

    public (string Name, string Value)[] Environment => [("PATH", $"{Bin}:{System.Environment.GetEnvironmentVariable("PATH")}")];

    /// <summary>What squeue prints: lines for jobs still queued.</summary>
    public string Queue
    {
        set => File.WriteAllText(Path.Combine(Bin, "queued"), value);
    }

    /// <summary>Every sbatch call so far, oldest first.</summary>
    public List<string[]> Calls()
    {
        var calls = new List<string[]>();
        for (int n = 1; File.Exists(Path.Combine(Bin, $"call-{n}")); n++)
        {
            calls.Add(File.ReadAllText(Path.Combine(Bin, $"call-{n}")).Split('\0')[..^1]);
        }

        return calls;
    }

    /// <summary>Makes the <paramref name="n"/>th call (counting from 1, all calls included) fail.</summary>
    public void FailAt(int n) => File.WriteAllText(Path.Combine(Bin, $"fail-at-{n}"), string.Empty);

    public CliRunner.Result Dedup(params string[] args) => CliRunner.RunWith(Environment, args);

    public void Dispose() => temp.Dispose();

    private void Write(string name, string text)
    {
        string path = Path.Combine(Bin, name);
        File.WriteAllText(path, text + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
