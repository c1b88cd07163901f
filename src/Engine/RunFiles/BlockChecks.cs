using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Dedup.Engine.RunFiles;

/// <summary>
/// The XXH3-64 of every 64 KiB block of an intermediate file, kept beside it (name.blocks). A
/// later stage reads a file sparsely (one signature here, one document there); with per-block
/// hashes each block is checked the first time any byte of it is read, so every byte a stage
/// uses is checked once, without reading whole files up front.
/// </summary>
public sealed class BlockChecks
{
    public const int BlockBytes = 64 << 10;

    private readonly ulong[] hashes;
    private readonly ulong[] verified;

    private BlockChecks(ulong[] hashes)
    {
        this.hashes = hashes;
        verified = new ulong[(hashes.Length + 63) / 64];
    }

    public static string SidecarOf(string path) => path + ".blocks";

    /// <summary>Loads the sidecar of <paramref name="path"/>, checking it against the recorded checksum.</summary>
    public static BlockChecks Load(string path, FileChecksum expected)
    {
        string sidecar = SidecarOf(path);
        byte[] bytes = File.ReadAllBytes(sidecar);
        if (Convert.ToHexStringLower(XxHash3.Hash(bytes)) != expected.BlocksXxh3 || bytes.Length % sizeof(ulong) != 0)
        {
            throw new IntermediateFileException(sidecar, "its block checksums do not match the checksum its task recorded");
        }

        return new BlockChecks(MemoryMarshal.Cast<byte, ulong>(bytes).ToArray());
    }

    /// <summary>Checks blocks [first, last] of <paramref name="handle"/> that have not been checked yet.</summary>
    public void Verify(Microsoft.Win32.SafeHandles.SafeFileHandle handle, string path, long firstByte, long endByte)
    {
        if (endByte <= firstByte)
        {
            return;
        }

        long first = firstByte / BlockBytes;
        long last = (endByte - 1) / BlockBytes;
        for (long b = first; b <= last; b++)
        {
            if (IsVerified(b))
            {
                continue;
            }

            var block = new byte[BlockBytes];
            int length = 0;
            while (length < BlockBytes)
            {
                int n = RandomAccess.Read(handle, block.AsSpan(length), (b * BlockBytes) + length);
                if (n == 0)
                {
                    break;
                }

                length += n;
            }

            if (b >= hashes.Length || XxHash3.HashToUInt64(block.AsSpan(0, length)) != hashes[b])
            {
                throw new IntermediateFileException(path, $"block {b} (bytes {b * BlockBytes}..{(b * BlockBytes) + length}) does not match its checksum");
            }

            MarkVerified(b);
        }
    }

    private bool IsVerified(long block)
    {
        lock (verified)
        {
            return (verified[block / 64] & (1UL << (int)(block % 64))) != 0;
        }
    }

    private void MarkVerified(long block)
    {
        lock (verified)
        {
            verified[block / 64] |= 1UL << (int)(block % 64);
        }
    }
}
