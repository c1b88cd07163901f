using Dedup.Engine.IO;

namespace Dedup.Engine.Tests.IO;

public sealed class ResolvedPathTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void APathThatDoesNotExistYetIsResolvedThroughItsExistingFolders()
    {
        Directory.CreateDirectory(folder.PathOf("real/a"));
        Directory.CreateSymbolicLink(folder.PathOf("link"), "real");

        string real = ResolvedPath.RealPathOf(Path.Combine(folder.Root, "link", "a", "new", "out"));

        Assert.Equal(Path.Combine(ResolvedPath.RealPathOf(folder.Root), "real", "a", "new", "out"), real);
    }

    [Fact]
    public void AFolderReachedThroughALinkIsInsideTheFolderItLeadsTo()
    {
        Directory.CreateDirectory(folder.PathOf("data/sub"));
        Directory.CreateSymbolicLink(folder.PathOf("alias"), "data/sub");
        var data = ResolvedPath.Of(folder.PathOf("data"));

        Assert.True(ResolvedPath.Of(folder.PathOf("alias")).IsSameOrInside(data));
        Assert.True(ResolvedPath.Of(Path.Combine(folder.Root, "alias", "out")).IsSameOrInside(data));
        Assert.False(data.IsSameOrInside(ResolvedPath.Of(folder.PathOf("alias"))));
        Assert.False(ResolvedPath.Of(folder.PathOf("data2")).IsSameOrInside(data));
    }

    [Fact]
    public void SpellingAloneComparesWholeNames()
    {
        Assert.True(ResolvedPath.IsSameOrInside("/a/b", "/a/b/"));
        Assert.True(ResolvedPath.IsSameOrInside("/a/b/c", "/a/b"));
        Assert.False(ResolvedPath.IsSameOrInside("/a/bc", "/a/b"));
        Assert.True(ResolvedPath.IsSameOrInside("/a", "/"));
    }

    [Fact]
    public void FileStatusFollowsLinksAndNamesWhatIsNotAFile()
    {
        folder.Write("data/shard.jsonl", new byte[1234]);
        File.CreateSymbolicLink(folder.PathOf("shard.jsonl"), "data/shard.jsonl");
        File.CreateSymbolicLink(folder.PathOf("loop"), "loop");

        var link = FileStatus.Of(folder.PathOf("shard.jsonl"));

        Assert.Equal((FileKind.Regular, 1234L), (link.Kind, link.Size));
        Assert.Equal(FileStatus.Of(folder.PathOf("data/shard.jsonl")).Identity, link.Identity);
        Assert.Equal(FileKind.LinkLoop, FileStatus.Of(folder.PathOf("loop")).Kind);
        Assert.Equal(FileKind.Missing, FileStatus.Of(folder.PathOf("nope")).Kind);
        Assert.Equal(FileKind.Special, FileStatus.Of("/dev/null").Kind);
        Assert.True(FileStatus.Of("/").IsMountRoot);
        Assert.False(FileStatus.Of(folder.PathOf("data")).IsMountRoot);
    }
}
