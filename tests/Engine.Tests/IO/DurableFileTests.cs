using Dedup.Engine.IO;

namespace Dedup.Engine.Tests.IO;

/// <summary>The one whole-or-nothing write: the file appears whole, nothing partial stays, and the folder's entry is flushed.</summary>
public sealed class DurableFileTests
{
    [Fact]
    public void AWriteLeavesTheWholeFileAndNoPartialOne()
    {
        using var temp = new TempFolder();
        string path = temp.PathOf("out.bin");
        Directory.CreateDirectory(temp.Root);

        int result = DurableFile.Write(path, stream =>
        {
            stream.Write(new byte[100_000]);
            return 7;
        });

        Assert.Equal(7, result);
        Assert.Equal(100_000, new FileInfo(path).Length);
        Assert.Equal(["out.bin"], temp.Entries());
    }

    [Fact]
    public void AFailedWriteLeavesNeitherTheFileNorAPartialOne()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Root);

        Assert.Throws<InvalidDataException>(() => DurableFile.Write(temp.PathOf("out.bin"), _ => throw new InvalidDataException("bad")));

        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void FlushingAFolderThatIsNotThereIsAnErrorNamingIt()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Root);
        DurableFile.SyncFolder(temp.Root);

        var e = Assert.Throws<IOException>(() => DurableFile.SyncFolder(temp.PathOf("missing")));
        Assert.Contains(temp.PathOf("missing"), e.Message);
    }
}
