using System.Runtime.InteropServices;

namespace Dedup.Reliability;

/// <summary>Sends a process the signals a terminal (Ctrl-C: SIGINT) or a scheduler (SIGTERM) sends; .NET has SIGKILL only (Process.Kill).</summary>
public static partial class Signals
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
