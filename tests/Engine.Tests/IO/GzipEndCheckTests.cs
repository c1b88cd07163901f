using System.IO.Compression;
using Dedup.Engine.IO;

namespace Dedup.Engine.Tests.IO;

/// <summary>
/// The fallback truncation check, tested on its own: which of it and the runtime's strict check guards a
/// given read depends on whether anything decompressed gzip earlier in the process.
/// </summary>
public sealed class GzipEndCheckTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void CompleteFilePasses()
    {
        var data = new byte[100_000];
        new Random(7).NextBytes(data);
        var path = folder.Write("ok.gz", JsonlFiles.Compress(data, Dedup.Engine.IO.Compression.Gzip));

        using var file = File.OpenRead(path);
        using var check = new GzipEndCheck(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true), file);
        using var copy = new MemoryStream();
        check.CopyTo(copy);

        Assert.Equal(data, copy.ToArray());
    }

    [Fact]
    public void DataEndingBeforeTheTrailerFails()
    {
        var packed = JsonlFiles.Compress(new byte[100_000], Dedup.Engine.IO.Compression.Gzip);
        var path = folder.Write("cut.gz", packed[..^5]);

        using var file = File.OpenRead(path);
        // Stands in for a GZipStream that ended quietly at the cut, as it does without strict validation.
        using var check = new GzipEndCheck(new MemoryStream(new byte[99_000]), file);

        var e = Assert.Throws<InvalidDataException>(() => check.CopyTo(Stream.Null));
        Assert.Contains("gzip", e.Message);
    }

    [Fact]
    public void EmptyFilePasses()
    {
        var path = folder.Write("empty.gz", []);

        using var file = File.OpenRead(path);
        using var check = new GzipEndCheck(new MemoryStream(), file);

        Assert.Equal(0, check.Read(new byte[16]));
    }
}
