using System.CommandLine;
using Dedup.Kernels.Backends;

namespace Dedup.Cli.Commands;

/// <summary><c>dedup devices</c>: what backends this machine can run.</summary>
public static class DevicesCommand
{
    public static Command Create()
    {
        var command = new Command("devices", "List the backends this machine can run: CUDA and OpenCL GPUs that ILGPU sees, the ILGPU CPU accelerator and the vectorised CPU backend.");
        command.SetAction((ParseResult _) => FailureHandler.Run(Console.Error, () =>
        {
            foreach (var device in DeviceCatalog.List())
            {
                Console.Out.WriteLine($"{device.Device,-10} {device.Name,-40} {device.Details}");
            }

            Console.Out.WriteLine($"cuda driver: {(NativeLibraryFallback.IsAvailable("cuda") ? "found" : "not found")}; opencl driver: {(NativeLibraryFallback.IsAvailable("OpenCL") ? "found" : "not found")}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
