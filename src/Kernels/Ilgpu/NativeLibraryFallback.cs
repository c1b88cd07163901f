using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Dedup.Kernels.Ilgpu;

/// <summary>
/// ILGPU loads its drivers by the names "cuda" and "OpenCL"; many Linux machines have only the
/// versioned driver files (libcuda.so.1, libOpenCL.so.1, without the development symlinks), so
/// those are tried when the plain names fail.
/// </summary>
public static class NativeLibraryFallback
{
    private static readonly Dictionary<string, string[]> Fallbacks = new(StringComparer.Ordinal)
    {
        ["cuda"] = ["libcuda.so.1", "libcuda.so", "nvcuda.dll"],
        ["nvcuda"] = ["libcuda.so.1", "libcuda.so", "nvcuda.dll"],
        ["OpenCL"] = ["libOpenCL.so.1", "libOpenCL.so", "OpenCL.dll"],
    };

    private static int registered;

    /// <summary>Registers the resolver once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            AssemblyLoadContext.Default.ResolvingUnmanagedDll += Resolve;
        }
    }

    /// <summary>Whether the driver library behind <paramref name="name"/> ("cuda", "OpenCL") can be loaded.</summary>
    public static bool IsAvailable(string name) => TryLoad(name) != IntPtr.Zero;

    private static IntPtr Resolve(Assembly assembly, string name) => TryLoad(name);

    private static IntPtr TryLoad(string name)
    {
        if (!Fallbacks.TryGetValue(name, out var candidates))
        {
            return IntPtr.Zero;
        }

        foreach (string candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
