using System.CommandLine;
using Dedup.Kernels.Backends;

namespace Dedup.Cli.Commands;

/// <summary><c>dedup devices</c>: what backends this machine can run.</summary>
public static class DevicesCommand
{
    public static Command Create()
    {
        var command = new Command("devices", "List the backends this machine can run: CUDA and OpenCL GPUs that ILGPU sees, the ILGPU CPU accelerator and the vectorised CPU backend; then, for the CUDA and the OpenCL driver, whether it loads and, when it has no GPU that ILGPU can use, why --device auto passes it by.");
        command.SetAction((ParseResult _) => FailureHandler.Run(Console.Error, () =>
        {
            var devices = DeviceCatalog.List();
            foreach (var device in devices)
            {
                Console.Out.WriteLine($"{device.Device,-10} {device.Name,-40} {device.Details}");
            }

            foreach (string driver in DeviceCatalog.Drivers(devices))
            {
                Console.Out.WriteLine(driver);
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
