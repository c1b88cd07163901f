namespace Dedup.Engine.IO;

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
}
