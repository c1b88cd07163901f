using System.Reflection;

namespace Dedup.Cli.Commands;

/// <summary>How a Slurm task starts the very dedup that is running now: its executable, or the dotnet host and dedup.dll.</summary>
public static class SlurmProgram
{
    public static IReadOnlyList<string> Command()
    {
        string process = Path.GetFullPath(Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown"));
        if (!Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return [process];
        }

        // `dotnet dedup.dll ...`: the tasks need the host and the same dll.
        string assembly = Assembly.GetEntryAssembly()?.Location ?? string.Empty;
        return assembly.Length > 0
            ? [process, Path.GetFullPath(assembly)]
            : throw new InvalidOperationException("dedup runs under the dotnet host, but the path of dedup.dll is unknown");
    }
}
