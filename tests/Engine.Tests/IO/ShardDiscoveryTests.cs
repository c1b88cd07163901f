using Dedup.Engine.IO;

namespace Dedup.Engine.Tests.IO;

public sealed class ShardDiscoveryTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void FolderIsSearchedRecursivelySortedOrdinallyAndNumbered()
    {
        folder.Write("data/b.jsonl", [1, 2, 3]);
        folder.Write("data/a/z.parquet", [1]);
        folder.Write("data/a/Y.JSONL.GZ", [1]);
        folder.Write("data/c/d/e.jsonl.zst", [1]);
        folder.Write("data/B.jsonl", [1]);

        var shards = ShardDiscovery.Discover([folder.PathOf("data")]);

        Assert.Equal(["B.jsonl", "a/Y.JSONL.GZ", "a/z.parquet", "b.jsonl", "c/d/e.jsonl.zst"], shards.Select(s => s.RelativePath));
        Assert.Equal([0, 1, 2, 3, 4], shards.Select(s => s.Index));
        Assert.Equal(
            [(ShardFormat.Jsonl, Compression.None), (ShardFormat.Jsonl, Compression.Gzip), (ShardFormat.Parquet, Compression.None),
             (ShardFormat.Jsonl, Compression.None), (ShardFormat.Jsonl, Compression.Zstd)],
            shards.Select(s => (s.Format, s.Compression)));
        var b = shards[3];
        Assert.Equal(Path.GetFullPath(folder.PathOf("data/b.jsonl")), b.FullPath);
        Assert.Equal(3, b.Length);
    }

    [Fact]
    public void HiddenEntriesAndOtherFileTypesInFoldersAreSkipped()
    {
        folder.Write("data/keep.jsonl", [1]);
        folder.Write("data/.hidden.jsonl", [1]);
        folder.Write("data/.cache/inside.jsonl", [1]);
        folder.Write("data/sub/.git/x.parquet", [1]);
        folder.Write("data/readme.md", [1]);
        folder.Write("data/part.json", [1]);
        folder.Write("data/part.jsonl.bz2", [1]);
        folder.Write("data/_SUCCESS", []);

        var shards = ShardDiscovery.Discover([folder.PathOf("data")]);

        Assert.Equal(["keep.jsonl"], shards.Select(s => s.RelativePath));
    }

    [Fact]
    public void ExplicitFilesUseTheirFileNameAndMixWithFolders()
    {
        var file = folder.Write("elsewhere/deep/x.jsonl.zst", [1]);
        folder.Write("data/sub/y.jsonl", [1]);

        var shards = ShardDiscovery.Discover([folder.PathOf("data"), file]);

        Assert.Equal(["sub/y.jsonl", "x.jsonl.zst"], shards.Select(s => s.RelativePath));
        Assert.Equal(Compression.Zstd, shards[1].Compression);
    }

    [Fact]
    public void MissingPathIsAnInputErrorNamingIt()
    {
        var missing = Path.Combine(folder.Root, "nope");

        var e = Assert.Throws<InputException>(() => ShardDiscovery.Discover([missing]));

        Assert.Contains(missing, e.Message);
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void ExplicitFileOfUnsupportedTypeIsAnInputErrorListingSupportedTypes()
    {
        var csv = folder.Write("data.csv", [1]);

        var e = Assert.Throws<InputException>(() => ShardDiscovery.Discover([csv]));

        Assert.Contains(csv, e.Message);
        Assert.Contains("*.jsonl, *.jsonl.gz, *.jsonl.zst, *.parquet", e.Message);
    }

    [Fact]
    public void FolderWithoutShardsIsAnInputErrorNamingIt()
    {
        folder.Write("empty/notes.txt", [1]);
        folder.Write("empty/.hidden.jsonl", [1]);

        var e = Assert.Throws<InputException>(() => ShardDiscovery.Discover([folder.PathOf("empty")]));

        Assert.Contains(Path.GetFullPath(folder.PathOf("empty")), e.Message);
        Assert.Contains("No input shards", e.Message);
    }

    [Fact]
    public void NoInputsIsAnInputError()
    {
        Assert.Throws<InputException>(() => ShardDiscovery.Discover([]));
    }

    [Fact]
    public void SameRelativePathFromTwoFoldersIsAnInputErrorNamingBothFiles()
    {
        var first = folder.Write("one/part.jsonl", [1]);
        var second = folder.Write("two/part.jsonl", [1]);

        var e = Assert.Throws<InputException>(() => ShardDiscovery.Discover([folder.PathOf("one"), folder.PathOf("two")]));

        Assert.Contains("'part.jsonl'", e.Message);
        Assert.Contains(first, e.Message);
        Assert.Contains(second, e.Message);
    }

    [Fact]
    public void SymlinkedFoldersAreFollowedButLoopsAreWalkedOnce()
    {
        folder.Write("data/a.jsonl", [1]);
        folder.Write("elsewhere/b.jsonl", [1]);
        var target = folder.Write("elsewhere/c.jsonl", [1, 2, 3, 4]);
        Directory.CreateSymbolicLink(folder.PathOf("data/loop"), folder.PathOf("data"));
        Directory.CreateSymbolicLink(folder.PathOf("data/linked"), folder.PathOf("elsewhere"));
        File.CreateSymbolicLink(folder.PathOf("data/c-link.jsonl"), target);

        var shards = ShardDiscovery.Discover([folder.PathOf("data")]);

        Assert.Equal(["a.jsonl", "c-link.jsonl", "linked/b.jsonl", "linked/c.jsonl"], shards.Select(s => s.RelativePath));
        Assert.Equal(4, shards[1].Length);
    }

    [Fact]
    public void BrokenSymlinkToAShardIsAnInputErrorNamingIt()
    {
        folder.Write("data/a.jsonl", [1]);
        var link = folder.PathOf("data/gone.jsonl");
        File.CreateSymbolicLink(link, folder.PathOf("nowhere/x.jsonl"));

        var e = Assert.Throws<InputException>(() => ShardDiscovery.Discover([folder.PathOf("data")]));

        Assert.Contains(link, e.Message);
    }
}
