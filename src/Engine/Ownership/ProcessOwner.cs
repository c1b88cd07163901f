using System.Diagnostics;
using System.Globalization;

namespace Dedup.Engine.Ownership;

/// <summary>
/// A process, by host and pid: what a run writes into the names of the folders it works in
/// (staging, work and partial task folders: <c>PREFIX-HOST-PID-GUID</c>) and into the lock files it
/// holds, so that a later run or <c>dedup clean</c> can tell a dead run's leftovers from a live
/// one's. Only a process of this host can be seen to have ended; another host's counts as running.
/// </summary>
public sealed record ProcessOwner(string Host, int Pid)
{
    /// <summary>This process.</summary>
    public static ProcessOwner Current { get; } = new(HostName(), Environment.ProcessId);

    /// <summary>Whether it ran on this host.</summary>
    public bool IsHere => Host == Current.Host;

    /// <summary>Known to have ended: it ran on this host, and no process has its pid now (a pid reused since keeps it alive: the safe side).</summary>
    public bool HasEnded => IsHere && !IsRunning(Pid);

    /// <summary>A new name for a folder of this process: <paramref name="prefix"/>HOST-PID-GUID.</summary>
    public static string NewName(string prefix) => $"{prefix}{Current.Host}-{Current.Pid}-{Guid.NewGuid():N}";

    /// <summary>The owner recorded in <paramref name="name"/>, a name made by <see cref="NewName"/>; null when it records none (an older dedup's name).</summary>
    public static ProcessOwner? FromName(string name, string prefix)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        string rest = name[prefix.Length..];
        int guid = rest.LastIndexOf('-');
        int pid = guid > 0 ? rest.LastIndexOf('-', guid - 1) : -1;
        return pid > 0 && int.TryParse(rest.AsSpan(pid + 1, guid - pid - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            ? new ProcessOwner(rest[..pid], number)
            : null;
    }

    /// <summary>Why a leftover of this owner is kept: it runs, or it may (another host's).</summary>
    public string WhyKept() => IsHere ? $"{this} is running" : $"{this}: this host cannot tell whether it still runs";

    public override string ToString() => $"dedup pid {Pid} on host {Host}";

    /// <summary>The host name as a folder name can hold it (it goes between the prefix and the pid).</summary>
    private static string HostName()
    {
        var name = Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray();
        return name.Length > 0 ? new string(name) : "localhost";
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
