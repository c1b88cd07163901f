using System.Runtime.InteropServices;

namespace Dedup.Engine.IO;

/// <summary>
/// A path as the file system sees it, for telling whether one path lies inside another whatever each
/// was spelt as: <see cref="Real"/> has every symbolic link resolved (realpath(3)), and the
/// identities (device, inode) of the folders on the way to it catch the same folder reached by a
/// way that resolving links does not show (a bind mount).
/// </summary>
internal sealed class ResolvedPath
{
    private (string Path, FileIdentity Identity)[]? ancestors;

    private ResolvedPath(string given, string real)
    {
        Given = given;
        Real = real;
    }

    /// <summary>The path as the user gave it, for messages.</summary>
    public string Given { get; }

    /// <summary>The full path with every symbolic link resolved; the part of it that does not exist yet is kept as written.</summary>
    public string Real { get; }

    public static ResolvedPath Of(string path) => new(path, RealPathOf(path));

    /// <summary>
    /// Whether this path is <paramref name="folder"/> or lies inside it: by resolved path, or because
    /// one of the folders on the way to it is <paramref name="folder"/>'s very file (device and inode).
    /// </summary>
    public bool IsSameOrInside(ResolvedPath folder)
    {
        if (IsSameOrInside(Real, folder.Real))
        {
            return true;
        }

        return folder.Identity() is FileIdentity identity && Ancestors().Any(a => a.Identity == identity);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies inside it, both full paths, by their spelling alone.</summary>
    public static bool IsSameOrInside(string path, string folder)
    {
        folder = folder.TrimEnd('/');
        return path.TrimEnd('/').Equals(folder, StringComparison.Ordinal) || path.StartsWith(folder + '/', StringComparison.Ordinal);
    }

    /// <summary>
    /// realpath(3) of the full path; where it does not exist (an OUT to be made), the deepest existing
    /// folder on the way resolved and the rest appended. Relative parts are resolved first, as the
    /// rest of dedup does (<see cref="Path.GetFullPath(string)"/>), so "a/link/../b" is "a/b".
    /// </summary>
    public static string RealPathOf(string path)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        string rest = string.Empty;
        for (string? existing = full; existing is not null; existing = Path.GetDirectoryName(existing))
        {
            nint resolved = Libc.RealPath(existing, 0);
            if (resolved != 0)
            {
                try
                {
                    return Path.Join(Marshal.PtrToStringUTF8(resolved), rest);
                }
                finally
                {
                    Libc.Free(resolved);
                }
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno is not (Libc.ENOENT or Libc.ENOTDIR or Libc.ELOOP))
            {
                throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}");
            }

            rest = Path.Join(Path.GetFileName(existing), rest);
        }

        return full;
    }

    /// <summary>The identity of the path itself; null where it does not exist (yet).</summary>
    private FileIdentity? Identity()
    {
        var identities = Ancestors();
        return identities.Length > 0 && identities[0].Path == Real ? identities[0].Identity : null;
    }

    /// <summary>The identities of this path and every existing folder above it, computed once.</summary>
    private (string Path, FileIdentity Identity)[] Ancestors()
    {
        if (ancestors is null)
        {
            var found = new List<(string, FileIdentity)>();
            for (string? path = Real; path is not null; path = Path.GetDirectoryName(path))
            {
                if (FileStatus.Of(path) is { Exists: true } status)
                {
                    found.Add((path, status.Identity));
                }
            }

            ancestors = found.ToArray();
        }

        return ancestors;
    }
}
