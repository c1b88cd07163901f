using System.Runtime.InteropServices;
using Dedup.Engine.Plan;

namespace Dedup.Engine.IO;

/// <summary>
/// The one way Dedup writes a file that must appear whole or not at all (run.json, task files, every
/// output): under a temporary name beside it, flushed to disk, renamed into place, and the folder's
/// entry flushed too (<see cref="SyncFolder"/>), so after a crash the file is there whole or not at all.
/// A failed or killed write leaves at most a <c>name.partial-*</c> file, which <see cref="RemoveLeftovers"/> removes.
/// </summary>
public static class DurableFile
{
    public static void Write(string path, Action<Stream> write) => Write(path, stream =>
    {
        write(stream);
        return 0;
    });

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/> (which must leave the stream open) and returns what it returns.</summary>
    public static T Write<T>(string path, Func<Stream, T> write)
    {
        string partial = $"{path}.partial-{Guid.NewGuid():N}";
        try
        {
            T result;
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, MemoryBudget.StreamBufferBytes))
            {
                result = write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(partial, path, overwrite: true);
            SyncFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
            return result;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Deletes the partial files a killed writer left beside <paramref name="path"/> (name.partial, name.partial-...).</summary>
    public static void RemoveLeftovers(string path)
    {
        string folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(folder))
        {
            foreach (string partial in Directory.EnumerateFiles(folder, Path.GetFileName(path) + ".partial*"))
            {
                File.Delete(partial);
            }
        }
    }

    /// <summary>
    /// Flushes <paramref name="folder"/>'s entries to disk: a rename is durable only once its folder is.
    /// File systems that cannot fsync a folder (EINVAL, ENOTSUP, read-only) are left as they are.
    /// </summary>
    public static void SyncFolder(string folder)
    {
        int descriptor = Libc.Open(folder, Libc.OpenReadOnly | Libc.OpenDirectory);
        if (descriptor < 0)
        {
            throw new IOException($"{folder}: cannot open the folder to flush it to disk (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Libc.Fsync(descriptor) != 0 && Marshal.GetLastPInvokeError() is not (Libc.EINVAL or Libc.ENOTSUP or Libc.EROFS) and int error)
            {
                throw new IOException($"{folder}: flushing the folder to disk failed (errno {error}); the files renamed into it may not survive a crash.");
            }
        }
        finally
        {
            Libc.Close(descriptor);
        }
    }
}
