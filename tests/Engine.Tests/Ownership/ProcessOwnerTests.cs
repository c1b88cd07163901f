using System.Diagnostics;
using Dedup.Engine.Ownership;

namespace Dedup.Engine.Tests.Ownership;

public sealed class ProcessOwnerTests
{
    [Fact]
    public void ANameRecordsItsHostAndPidAndAHostMayHoldDashes()
    {
        string name = ProcessOwner.NewName(".out.dedup-staging-");

        Assert.Equal(ProcessOwner.Current, ProcessOwner.FromName(name, ".out.dedup-staging-"));
        Assert.Equal(new ProcessOwner("gpu-node-07", 4242), ProcessOwner.FromName(".task-00003.partial-gpu-node-07-4242-0123abcd", ".task-00003.partial-"));
    }

    [Theory]
    [InlineData(".out.dedup-staging-0123456789abcdef0123456789abcdef")]
    [InlineData(".out.dedup-staging-77-abc")]
    [InlineData(".other.dedup-staging-vm-77-abc")]
    [InlineData(".out.dedup-staging-vm-x77-abc")]
    public void NamesOfAnOlderDedupOrAnotherFolderRecordNoOwner(string name) =>
        Assert.Null(ProcessOwner.FromName(name, ".out.dedup-staging-"));

    [Fact]
    public void OnlyAProcessOfThisHostThatIsGoneHasEnded()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();

        Assert.True(ProcessOwner.Current with { Pid = process.Id } is { HasEnded: true });
        Assert.False(ProcessOwner.Current.HasEnded);
        Assert.False(new ProcessOwner("some-other-node", process.Id).HasEnded);
    }
}
