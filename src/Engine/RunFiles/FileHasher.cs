using System.IO.Hashing;
using System.Runtime.InteropServices;
using Dedup.Engine.IO;

namespace Dedup.Engine.RunFiles;

/// <summary>Hashes a file's bytes as they pass: the whole file, and each block for its <see cref="BlockChecks"/> sidecar.</summary>
internal sealed class FileHasher
{
    private readonly XxHash3 whole = new();
    private readonly XxHash3 block = new();
    private readonly List<ulong> blockHashes = [];
    private int blockFill;

    public long Length { get; private set; }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        whole.Append(bytes);
        Length += bytes.Length;
        while (bytes.Length > 0)
        {
            int n = Math.Min(bytes.Length, BlockChecks.BlockBytes - blockFill);
            block.Append(bytes[..n]);
            blockFill += n;
            bytes = bytes[n..];
            if (blockFill == BlockChecks.BlockBytes)
            {
                EndBlock();
            }
        }
    }

    /// <summary>Writes the sidecar of <paramref name="path"/> and returns the checksum to record.</summary>
    public FileChecksum Finish(string path)
    {
        if (blockFill > 0)
        {
            EndBlock();
        }

        byte[] sidecar = MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(blockHashes)).ToArray();
        DurableFile.Write(BlockChecks.SidecarOf(path), s => s.Write(sidecar));
        return new FileChecksum(Length, Convert.ToHexStringLower(whole.GetCurrentHash()), Convert.ToHexStringLower(XxHash3.Hash(sidecar)));
    }

    private void EndBlock()
    {
        blockHashes.Add(block.GetCurrentHashAsUInt64());
        block.Reset();
        blockFill = 0;
    }
}
