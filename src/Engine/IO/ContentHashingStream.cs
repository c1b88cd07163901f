using System.IO.Hashing;
using Dedup.Engine.Plan;

namespace Dedup.Engine.IO;

/// <summary>
/// A shard file read through a hash of its bytes (XXH3-64), so that every stage that reads a shard
/// proves it read the bytes the signature stage read (the plan's size alone misses a reordered file).
/// <see cref="Finish"/> reads whatever the reader left unread, so the hash is always of the whole file.
/// </summary>
public sealed class ContentHashingStream(FileStream file) : ReadOnlyStream
{
    private readonly XxHash3 hash = new();

    public override long Length => file.Length;

    /// <summary>Where the reader is in the file (for progress); setting it is not supported.</summary>
    public override long Position
    {
        get => file.Position;
        set => throw new NotSupportedException();
    }

    /// <summary>The whole file's hash: the bytes read so far, then the rest of the file.</summary>
    public ulong Finish()
    {
        var rest = new byte[MemoryBudget.SmallBufferBytes];
        while (Read(rest, 0, rest.Length) > 0)
        {
        }

        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>The hash of the file at <paramref name="path"/>, read once from start to end (Parquet shards, which are read out of order).</summary>
    public static ulong OfFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, MemoryBudget.StreamBufferBytes, FileOptions.SequentialScan);
        using var hashing = new ContentHashingStream(file);
        return hashing.Finish();
    }

    /// <summary>As run.json, done.json and report.json write a content hash.</summary>
    public static string Format(ulong hash) => hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    public static ulong Parse(string hash) => ulong.Parse(hash, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);


    public override int Read(Span<byte> buffer)
    {
        int n = file.Read(buffer);
        hash.Append(buffer[..n]);
        return n;
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
