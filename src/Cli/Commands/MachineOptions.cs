using System.CommandLine;
using Dedup.Kernels.Backends;

namespace Dedup.Cli.Commands;

/// <summary>Options that say how this machine runs a task (not what it computes): backend, threads, quiet.</summary>
public sealed class MachineOptions
{
    private readonly Option<string> device = new("--device") { Description = "Backend: auto (CUDA, else OpenCL, else CPU), cuda, opencl, cpu (vectorised), ilgpu-cpu (the GPU kernels on the CPU; slow, for testing).", DefaultValueFactory = _ => "auto" };
    private readonly Option<int> threads = new("--threads") { Description = "CPU threads (0 = all cores).", DefaultValueFactory = _ => 0 };
    private readonly Option<bool> quiet = new("--quiet", "-q") { Description = "No progress and no informational messages; warnings, errors and the final summary are still printed." };

    public MachineOptions()
    {
        device.AcceptOnlyFromAmong("auto", "cuda", "opencl", "cpu", "ilgpu-cpu");
    }

    public void AddTo(Command command)
    {
        command.Add(device);
        command.Add(threads);
        command.Add(quiet);
    }

    public DeviceKind Device(ParseResult r) => r.GetValue(device) switch
    {
        "cuda" => DeviceKind.Cuda,
        "opencl" => DeviceKind.OpenCL,
        "cpu" => DeviceKind.Cpu,
        "ilgpu-cpu" => DeviceKind.IlgpuCpu,
        _ => DeviceKind.Auto,
    };

    public int Threads(ParseResult r) => r.GetValue(threads);

    public bool Quiet(ParseResult r) => r.GetValue(quiet);
}
