using System.Runtime.InteropServices;

namespace Dedup.Engine.IO;

/// <summary>Which file a path is, whatever it was spelt as: two paths name the same file exactly when both are equal.</summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode);

internal enum FileKind
{
    /// <summary>Nothing there (or a symbolic link to nothing).</summary>
    Missing,
    Regular,
    Directory,

    /// <summary>A symbolic link that leads back to itself (ELOOP).</summary>
    LinkLoop,

    /// <summary>A FIFO, socket or device: nothing a run can read as a shard or replace as OUT.</summary>
    Special,
}

/// <summary>
/// What the kernel says a path is, symbolic links followed (statx(2); <see cref="Libc"/>): its kind, its
/// size (the target's for a link, where <see cref="FileInfo.Length"/> gives the link's own), its
/// identity, its modification time (nanoseconds since 1970), and whether it is the root of a mount or
/// immutable (neither can be renamed).
/// </summary>
internal sealed record FileStatus(FileKind Kind, string KindName, long Size, FileIdentity Identity, long ModifiedNanoseconds, bool IsMountRoot, bool IsImmutable)
{
    private static readonly FileStatus MissingFile = new(FileKind.Missing, "missing", 0, default, 0, false, false);
    private static readonly FileStatus Loop = new(FileKind.LinkLoop, "a symbolic link loop", 0, default, 0, false, false);

    public bool Exists => Kind != FileKind.Missing;

    /// <summary>The status of <paramref name="path"/>; <see cref="FileKind.Missing"/> or <see cref="FileKind.LinkLoop"/> instead of an error for those.</summary>
    public static FileStatus Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("dedup runs on Linux only: it compares files by device and inode (statx).");
        }

        if (Libc.Statx(Libc.AtFdCwd, path, 0, Libc.StatxBasicStats, out var buffer) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return errno switch
            {
                Libc.ENOENT or Libc.ENOTDIR => MissingFile,
                Libc.ELOOP => Loop,
                _ => throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}"),
            };
        }

        var (kind, name) = (buffer.Mode & Libc.TypeMask) switch
        {
            Libc.Regular => (FileKind.Regular, "a regular file"),
            Libc.Directory => (FileKind.Directory, "a folder"),
            Libc.Fifo => (FileKind.Special, "a FIFO (named pipe)"),
            Libc.Socket => (FileKind.Special, "a socket"),
            Libc.CharDevice => (FileKind.Special, "a character device"),
            Libc.BlockDevice => (FileKind.Special, "a block device"),
            _ => (FileKind.Special, "a special file"),
        };
        var identity = new FileIdentity(((ulong)buffer.DeviceMajor << 32) | buffer.DeviceMinor, buffer.Inode);
        bool mountRoot = (buffer.AttributesMask & Libc.StatxAttrMountRoot) != 0
            ? (buffer.Attributes & Libc.StatxAttrMountRoot) != 0
            : kind == FileKind.Directory && IsOtherDevice(path, identity.Device);
        long modified = (buffer.ModifiedSeconds * 1_000_000_000) + buffer.ModifiedNanoseconds;
        return new FileStatus(kind, name, (long)buffer.Size, identity, modified, mountRoot, (buffer.Attributes & Libc.StatxAttrImmutable) != 0);
    }

    /// <summary>Before Linux 5.8 (no STATX_ATTR_MOUNT_ROOT): a folder on another device than its parent is a mount's root.</summary>
    private static bool IsOtherDevice(string path, ulong device) =>
        Path.GetDirectoryName(ResolvedPath.RealPathOf(path)) is string parent && Of(parent) is { Exists: true } p && p.Identity.Device != device;
}
