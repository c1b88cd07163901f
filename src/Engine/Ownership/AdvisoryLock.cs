using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Dedup.Engine.Ownership;

/// <summary>
/// An exclusive advisory lock on a file, taken without waiting: .NET on Unix takes flock(LOCK_EX |
/// LOCK_NB) for a FileStream opened with FileShare.None and refuses a second such open, in this
/// process or another (tested). The system releases it when its process ends, SIGKILL included,
/// so a lock is never stale; the holder writes who it is into the file, so that the process it
/// refuses can name it. Released, the file is deleted (while still held, so nobody takes a lock
/// on a file that is about to go); one a killed holder left is taken over by the next holder.
/// </summary>
public sealed partial class AdvisoryLock : IDisposable
{
    /// <summary>EWOULDBLOCK, as .NET reports a file another process has locked (Linux; 35 on macOS).</summary>
    private static readonly int[] WouldBlock = [11, 35];

    private readonly FileStream stream;

    private AdvisoryLock(string path, FileStream stream)
    {
        Path = path;
        this.stream = stream;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Takes the lock at <paramref name="path"/> or throws <see cref="InUseException"/> naming its holder; <paramref name="what"/> names what it guards, for that message.</summary>
    public static AdvisoryLock Acquire(string path, string what)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        for (int attempt = 0; ; attempt++)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e.GetType() == typeof(IOException) && WouldBlock.Contains(e.HResult))
            {
                throw new InUseException(what, path, LockHolder.Parse(ReadUnlocked(path)));
            }

            string holder = LockHolder.OfThisProcess().ToJson();
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(holder));
            stream.Flush(flushToDisk: true);
            // The holder before may have deleted the file between our open and our lock: then this
            // lock is on a file nobody else will open, and the path names another file, or none.
            if (ReadUnlocked(path) == holder)
            {
                return new AdvisoryLock(path, stream);
            }

            stream.Dispose();
            if (attempt == 100)
            {
                throw new IOException($"{path}: the lock file keeps being replaced while it is taken; is another program deleting it?");
            }
        }
    }

    /// <summary>Removes the lock file at <paramref name="path"/> unless it is held (a killed holder leaves its file); null when there is none.</summary>
    public static Leftover? RemoveIfFree(string path, string what)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var before = LockHolder.Parse(ReadUnlocked(path));
        try
        {
            Acquire(path, what).Dispose();
        }
        catch (InUseException e)
        {
            return new(path, LeftoverFate.Kept, $"the lock of {what}, held by {(object?)e.Holder ?? "another process"}");
        }

        return new(path, LeftoverFate.Removed, $"the lock of {what}, left by {(before is null ? "a process" : before.Owner)} that has ended");
    }

    public void Dispose()
    {
        File.Delete(Path);
        stream.Dispose();
    }

    /// <summary>
    /// The file's text, read without taking a lock: every .NET FileStream takes flock (LOCK_SH to
    /// read), which the holder's LOCK_EX refuses, so the file is opened with open(2) itself.
    /// </summary>
    private static string? ReadUnlocked(string path)
    {
        const int ReadOnlyCloseOnExec = 0x80000;
        int fd = Open(path, ReadOnlyCloseOnExec);
        if (fd < 0)
        {
            return null;
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        using var reader = new StreamReader(new FileStream(handle, FileAccess.Read, bufferSize: 0));
        var buffer = new char[4096];
        return new string(buffer, 0, reader.ReadBlock(buffer));
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}
