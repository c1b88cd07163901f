namespace Dedup.Engine.Ownership;

/// <summary>
/// A folder (an OUT, a run folder, a task of a run) is locked by another process: the command
/// cannot proceed now, though nothing is wrong with it (exit code 2). The message names the holder.
/// </summary>
public sealed class InUseException(string what, string lockFile, LockHolder? holder) : IOException(Describe(what, lockFile, holder))
{
    public LockHolder? Holder { get; } = holder;

    private static string Describe(string what, string lockFile, LockHolder? holder) => holder is null
        ? $"{what} is in use by another process, which has not written its name into {lockFile} yet; try again in a moment."
        : $"{what} is in use by {holder}; wait for it to finish, or stop it. "
          + $"Its lock {lockFile} goes when that process ends, however it ends, so there is nothing to remove by hand.";
}
