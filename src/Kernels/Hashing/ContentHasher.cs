namespace Dedup.Kernels.Hashing;

/// <summary>
/// The 128-bit exact-duplicate hash of a document's folded token sequence: two independent
/// chains over the token hashes (docs/ALGORITHM.md, "Content hash").
/// </summary>
public struct ContentHasher
{
    private const ulong HighMultiplier = 0xC2B2AE3D27D4EB4FUL;

    private ulong low;
    private ulong high;
    private int count;

    public static ContentHasher Create() => new() { low = Mix.ContentSeedLow, high = Mix.ContentSeedHigh };

    public void Add(ulong tokenHash)
    {
        low = Mix.Absorb(low, tokenHash);
        // A second multiplier and rotation, so that the lanes do not collide together.
        high = Mix.RotateLeft((high ^ tokenHash) * HighMultiplier, 27);
        count++;
    }

    public readonly ulong Low => Mix.Finish(low, count);

    public readonly ulong High => Mix.Finish(high, count);
}
