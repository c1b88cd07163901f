using System.Runtime.InteropServices;
using Dedup.Engine.Plan;

namespace Dedup.Engine.RunFiles;

/// <summary>
/// Writes an intermediate file and hashes what it writes on the way (XXH3-64, System.IO.Hashing):
/// the whole file, and each 64 KiB block into a sidecar (<see cref="BlockChecks"/>), so that a
/// later stage can tell a damaged file from a good one. <see cref="Complete"/> flushes both to
/// disk; a writer disposed without it leaves files its task never records.
/// </summary>
public sealed class ChecksummedWriter : IDisposable
{
    private readonly string path;
    private readonly FileStream stream;
    private readonly FileHasher hasher = new();

    public ChecksummedWriter(string path, int bufferBytes = MemoryBudget.StreamBufferBytes)
    {
        this.path = path;
        stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferBytes);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        hasher.Append(bytes);
    }

    public void Write<T>(ReadOnlySpan<T> records)
        where T : unmanaged => Write(MemoryMarshal.AsBytes(records));

    public void Write<T>(T record)
        where T : unmanaged => Write(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in record)));

    public FileChecksum Complete()
    {
        stream.Flush(flushToDisk: true);
        return hasher.Finish(path);
    }

    public void Dispose() => stream.Dispose();

    /// <summary>Checksums a file written by other means (a JSON writer), as if it had been written through this class.</summary>
    public static FileChecksum Seal(string path)
    {
        var hasher = new FileHasher();
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, MemoryBudget.StreamBufferBytes))
        {
            var buffer = new byte[MemoryBudget.StreamBufferBytes];
            int n;
            while ((n = file.Read(buffer)) > 0)
            {
                hasher.Append(buffer.AsSpan(0, n));
            }
        }

        return hasher.Finish(path);
    }
}
