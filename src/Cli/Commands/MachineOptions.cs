using System.CommandLine;
using Dedup.Kernels.Backends;

namespace Dedup.Cli.Commands;

/// <summary>Options that say how this machine runs a task (not what it computes): backend, threads, quiet.</summary>
public sealed class MachineOptions
{
    private readonly Option<string> device = new("--device") { Description = DeviceHelp, DefaultValueFactory = _ => DeviceKind.Auto.Name() };
    private readonly Option<int> threads = new("--threads") { Description = "CPU threads (0 = all cores).", DefaultValueFactory = _ => 0 };
    private readonly Option<bool> quiet = new("--quiet", "-q") { Description = "No progress and no informational messages; warnings, errors and the final summary are still printed." };

    public MachineOptions()
    {
        device.AcceptOnlyFromAmong([.. DeviceKinds.Names]);
    }

    public void AddTo(Command command)
    {
        command.Add(device);
        command.Add(threads);
        command.Add(quiet);
    }

    /// <summary>What --device says, here and in <c>slurm submit</c>.</summary>
    public const string DeviceHelp = "Backend: auto (CUDA, else OpenCL, else CPU), cuda, opencl, cpu (vectorised), ilgpu-cpu (the GPU kernels on the CPU; slow, for testing).";

    /// <summary>The kind --device names (the parser accepts only <see cref="DeviceKinds.Names"/>).</summary>
    public DeviceKind Device(ParseResult r) => DeviceKinds.Parse(r.GetValue(device)!)!.Value;

    public int Threads(ParseResult r) => r.GetValue(threads);

    public bool Quiet(ParseResult r) => r.GetValue(quiet);
}
