using System.IO.Compression;
using Dedup.Engine.IO;

namespace Dedup.Engine.Tests.IO;

/// <summary>
/// GzipReader proves every byte of a gzip file: members, header fields, trailers and the end. Before it,
/// GZipStream reported a damaged CRC as "an unsupported compression method" and ignored junk after the
/// last member, so a shard with something appended was read as complete.
/// </summary>
public sealed class GzipReaderTests
{
    private static readonly Random Random = new(11);

    [Fact]
    public void MembersWithEveryHeaderFieldDecompressToTheirBytesWhateverTheReadSizes()
    {
        for (int trial = 0; trial < 20; trial++)
        {
            var parts = Enumerable.Range(0, Random.Next(1, 6)).Select(_ => RandomText(Random.Next(0, 400_000))).ToList();
            var file = parts.SelectMany(p => Member(p, (byte)(Random.Next(0, 32) & 0x1E))).ToArray();

            Assert.Equal(parts.SelectMany(p => p).ToArray(), ReadAll(file, Random));
        }
    }

    [Fact]
    public void AnEmptyFileHasNoBytes() => Assert.Empty(ReadAll([], Random));

    [Fact]
    public void ADamagedCrcIsNamedAsOne()
    {
        var file = Member(RandomText(5000), 0);
        file[^8] ^= 0x5A;

        var e = Assert.Throws<InvalidDataException>(() => ReadAll(file, Random));

        Assert.Contains("but its trailer records CRC-32", e.Message);
    }

    [Fact]
    public void JunkAfterTheLastMemberIsAnError()
    {
        var file = Member(RandomText(5000), 0).Concat("appended by mistake\n"u8.ToArray()).ToArray();

        var e = Assert.Throws<InvalidDataException>(() => ReadAll(file, Random));

        Assert.Contains("20 bytes after the end of the last gzip member", e.Message);
    }

    [Fact]
    public void EveryTruncationIsAnError()
    {
        var first = Member(RandomText(3000), 0x08);
        var file = first.Concat(Member(RandomText(2000), 0)).ToArray();
        int firstEnd = first.Length;
        for (int length = 1; length < file.Length; length++)
        {
            if (length == firstEnd)
            {
                continue; // the first member alone is a whole file
            }

            var cut = file[..length];
            Assert.Throws<InvalidDataException>(() => ReadAll(cut, Random));
        }
    }

    [Fact]
    public void AFileThatIsNotGzipSaysSo()
    {
        var e = Assert.Throws<InvalidDataException>(() => ReadAll("{\"text\":\"plain\"}\n"u8.ToArray(), Random));

        Assert.Contains("does not start with the gzip signature", e.Message);
    }

    private static byte[] RandomText(int length)
    {
        // Words from a small vocabulary, so that deflate has matches to make, as in real text.
        var text = new byte[length];
        for (int i = 0; i < length; i++)
        {
            text[i] = (byte)(i % 7 == 6 ? ' ' : 'a' + (Random.Next(0, 4) + (i / 7 % 5)));
        }

        return text;
    }

    /// <summary>One gzip member of <paramref name="data"/> with the optional header fields of <paramref name="flags"/> (FHCRC 2, FEXTRA 4, FNAME 8, FCOMMENT 16).</summary>
    private static byte[] Member(byte[] data, byte flags)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        var plain = packed.ToArray();
        var header = new List<byte>(plain[..10]) { [3] = flags };
        if ((flags & 4) != 0)
        {
            header.AddRange([5, 0, 1, 2, 3, 4, 5]);
        }

        if ((flags & 8) != 0)
        {
            header.AddRange("name.jsonl\0"u8.ToArray());
        }

        if ((flags & 16) != 0)
        {
            header.AddRange("a comment\0"u8.ToArray());
        }

        if ((flags & 2) != 0)
        {
            header.AddRange([0xAB, 0xCD]);
        }

        return [.. header, .. plain[10..]];
    }

    private static byte[] ReadAll(byte[] file, Random random)
    {
        using var reader = new GzipReader(new MemoryStream(file));
        var output = new MemoryStream();
        var buffer = new byte[300_000];
        int n;
        while ((n = reader.Read(buffer, 0, random.Next(1, buffer.Length))) > 0)
        {
            output.Write(buffer, 0, n);
        }

        return output.ToArray();
    }
}
