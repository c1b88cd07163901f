using Dedup.Kernels.Ilgpu;
using ILGPU.Runtime.Cuda;

namespace Dedup.Bench;

/// <summary>
/// <c>ptx --out DIR</c>: writes the PTX of every signature kernel for Hopper (sm_90), one file per
/// kernel, for ptxas to assemble (.ci/check-ptx.sh checks registers and spills without a GPU).
/// </summary>
public static class PtxCommand
{
    public static int Run(string[] args)
    {
        var options = new BenchArgs(args, ["--out"]);
        string folder = options.Required("--out");
        Directory.CreateDirectory(folder);
        foreach (var kernel in SignatureKernels.All)
        {
            string path = Path.Combine(folder, $"{kernel.Name}.ptx");
            File.WriteAllText(path, SignatureKernels.CompileToPtx(kernel, new CudaArchitecture(9, 0)));
            Console.WriteLine(path);
        }

        return 0;
    }
}
