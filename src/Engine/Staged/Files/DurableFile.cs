namespace Dedup.Engine.Staged.Files;

/// <summary>Writes a whole file under a temporary name, flushes it to disk and renames it into place.</summary>
public static class DurableFile
{
    public static void Write(string path, Action<Stream> write)
    {
        string partial = $"{path}.partial-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
