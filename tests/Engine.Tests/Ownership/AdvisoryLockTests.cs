using Dedup.Engine.Ownership;

namespace Dedup.Engine.Tests.Ownership;

public sealed class AdvisoryLockTests
{
    [Fact]
    public void ASecondHolderIsRefusedAtOnceWithThePidAndHostOfTheFirst()
    {
        using var temp = new TempFolder();
        string path = temp.PathOf(".out.dedup-lock");
        using var first = AdvisoryLock.Acquire(path, "the thing");

        var refused = Assert.Throws<InUseException>(() => AdvisoryLock.Acquire(path, "the thing"));

        Assert.Equal(ProcessOwner.Current, refused.Holder!.Owner);
        Assert.StartsWith($"the thing is in use by dedup pid {Environment.ProcessId} on host {ProcessOwner.Current.Host} since ", refused.Message);
        Assert.Contains(path, refused.Message);
    }

    [Fact]
    public void AReleasedLockIsGoneAndCanBeTakenAgain()
    {
        using var temp = new TempFolder();
        string path = temp.PathOf("run/.lock");
        AdvisoryLock.Acquire(path, "run").Dispose();
        Assert.False(File.Exists(path));

        using var again = AdvisoryLock.Acquire(path, "run");
        Assert.True(File.Exists(again.Path));
        Assert.Throws<InUseException>(() => AdvisoryLock.Acquire(path, "run"));
    }

    [Fact]
    public void TheLockFileOfAKilledHolderIsTakenOverAndRemovedWhenFree()
    {
        using var temp = new TempFolder();
        string path = temp.Write(".out.dedup-lock", "{\"host\":\"vm\",\"pid\":1,\"since\":\"2026-01-01T00:00:00Z\",\"command\":\"dedup run\"}\n");

        using (AdvisoryLock.Acquire(path, "out"))
        {
            Assert.Equal(LeftoverFate.Kept, AdvisoryLock.RemoveIfFree(path, "out")!.Fate);
        }

        temp.Write(".out.dedup-lock", "{\"host\":\"vm\",\"pid\":1,\"since\":\"2026-01-01T00:00:00Z\",\"command\":\"dedup run\"}\n");
        var removed = AdvisoryLock.RemoveIfFree(path, "out")!;
        Assert.Equal((LeftoverFate.Removed, "the lock of out, left by dedup pid 1 on host vm that has ended"), (removed.Fate, removed.Why));
        Assert.False(File.Exists(path));
        Assert.Null(AdvisoryLock.RemoveIfFree(path, "out"));
    }
}
