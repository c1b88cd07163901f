using System.Runtime.InteropServices;

namespace Dedup.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM while a command that can stop cleanly runs (run, the stage commands):
/// the first cancels <see cref="Token"/>, so the engine stops at its next batch and removes what it
/// staged, and says so at once; a second one gets the system's default, which ends the process
/// there and then, leaving the staging and partial folders for the next run or <c>dedup clean</c>.
/// Other commands register nothing and end at once, as before.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly PosixSignalRegistration[] registrations;
    private int received;

    public Interruption(TextWriter error)
    {
        Notify = error.WriteLine;
        registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    public CancellationToken Token => cancellation.Token;

    /// <summary>The first signal received, or null.</summary>
    public PosixSignal? Signal { get; private set; }

    /// <summary>128 + the signal's number, as a shell reports a process that a signal ended.</summary>
    public int ExitCode => Signal == PosixSignal.SIGINT ? ExitCodes.Interrupted : ExitCodes.Terminated;

    /// <summary>Where the notice of the first signal goes: a command with a progress line points it there, so the two never mix.</summary>
    public Action<string> Notify { get; set; }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Exchange(ref received, 1) == 1)
        {
            // The second signal: the default action, which ends the process now.
            context.Cancel = false;
            return;
        }

        context.Cancel = true;
        Signal = context.Signal;
        string again = context.Signal == PosixSignal.SIGINT ? "Ctrl-C again" : "a second SIGTERM";
        Notify($"dedup: {context.Signal}: stopping at the next batch and removing what this run staged ({again} ends it at once, leaving that for the next run or dedup clean)");
        cancellation.Cancel();
    }
}
