using System.Runtime.InteropServices;

namespace Dedup.Engine.IO;

/// <summary>
/// The C library calls .NET has no API for: a file's device and inode (statx(2)), a path's resolved
/// form (realpath(3)), and a folder's fsync (open(2) with O_DIRECTORY, fsync(2)). statx, not stat: its struct is the same on every Linux architecture
/// (struct stat differs between x86-64 and arm64), it has been a glibc symbol since 2.28, and it tells
/// whether a folder is the root of a mount (STATX_ATTR_MOUNT_ROOT, Linux 5.8), which comparing device
/// numbers with the parent misses for a bind mount within one file system.
/// </summary>
internal static partial class Libc
{
    /// <summary>struct statx of linux/stat.h, the fields read here at their fixed offsets; 256 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    public struct StatxBuffer
    {
        [FieldOffset(0x00)] public uint Mask;
        [FieldOffset(0x08)] public ulong Attributes;
        [FieldOffset(0x1c)] public ushort Mode;
        [FieldOffset(0x20)] public ulong Inode;
        [FieldOffset(0x28)] public ulong Size;
        [FieldOffset(0x38)] public ulong AttributesMask;
        [FieldOffset(0x70)] public long ModifiedSeconds;
        [FieldOffset(0x78)] public uint ModifiedNanoseconds;
        [FieldOffset(0x88)] public uint DeviceMajor;
        [FieldOffset(0x8c)] public uint DeviceMinor;
    }

    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const uint StatxBasicStats = 0x7ff;
    public const ulong StatxAttrImmutable = 0x10;
    public const ulong StatxAttrMountRoot = 0x2000;

    public const int ENOENT = 2;
    public const int ENOTDIR = 20;
    public const int ELOOP = 40;

    /// <summary>S_IFMT and the file types of st_mode (sys/stat.h).</summary>
    public const int TypeMask = 0xF000, Fifo = 0x1000, CharDevice = 0x2000, Directory = 0x4000, BlockDevice = 0x6000, Regular = 0x8000, Link = 0xA000, Socket = 0xC000;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>realpath(path, NULL): a malloc'd string (free it with <see cref="Free"/>), or zero with errno set.</summary>
    [LibraryImport("libc", EntryPoint = "realpath", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint RealPath(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    public static partial void Free(nint pointer);

    public const int OpenReadOnly = 0, OpenDirectory = 0x10000;
    public const int EINVAL = 22, EROFS = 30, ENOTSUP = 95;

    /// <summary>open(2), for a folder's descriptor to fsync: .NET opens no folders.</summary>
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int descriptor);
}
