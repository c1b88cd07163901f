using System.Globalization;
using Dedup.Kernels.Ilgpu;

namespace Dedup.Bench.GpuCheck;

/// <summary>The options of <c>bench gpu-check</c>.</summary>
public sealed record GpuCheckOptions
{
    public const string Usage =
        "usage: bench gpu-check [--documents N] [--seconds S] [--mb M] [--batch-mb B] [--chunk-bytes C] [--segment-tokens T] [--part-mb P] [--require-gpu]\n" +
        "  --documents N   random documents of each kind per parameter set in the exactness check (default 300;\n" +
        "                  the ILGPU CPU accelerator, 40-100x slower, gets a tenth)\n" +
        "  --seconds S     time for each backend's benchmark runs after the warm-up (default 10; 3 runs at least)\n" +
        "  --mb M          benchmark corpus in MB of generated text (default 128; the ILGPU CPU accelerator gets 1 MB)\n" +
        "  --batch-mb B    MiB of text per Compute call, as dedup's batches (--memory / 32, at most 256; default 32)\n" +
        "  --chunk-bytes C, --segment-tokens T, --part-mb P\n" +
        "                  the ILGPU backend's work split (IlgpuTuning; defaults 256, 256, 8): bytes per\n" +
        "                  tokenizing thread, shingles per MinHash work item, MiB per pipelined part\n" +
        "  --require-gpu   fail when no CUDA or OpenCL GPU is found (bench/gpu-check.sh sets it on NVIDIA machines)";

    public int Documents { get; init; } = 300;

    public double Seconds { get; init; } = 10;

    public int Megabytes { get; init; } = 128;

    public int BatchMegabytes { get; init; } = 32;

    public bool RequireGpu { get; init; }

    public IlgpuTuning Tuning { get; init; } = IlgpuTuning.Default;

    /// <summary>The options, or null with <paramref name="error"/> set when the arguments are not understood.</summary>
    public static GpuCheckOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        var options = new GpuCheckOptions();
        error = string.Empty;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name == "--require-gpu")
            {
                options = options with { RequireGpu = true };
                continue;
            }

            if (name is not ("--documents" or "--seconds" or "--mb" or "--batch-mb" or "--chunk-bytes" or "--segment-tokens" or "--part-mb"))
            {
                error = $"unknown option {name}";
                return null;
            }

            if (i + 1 >= args.Count || !double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value <= 0)
            {
                error = $"{name} needs a positive number";
                return null;
            }

            i++;
            switch (name)
            {
                case "--documents" when value <= 100_000:
                    options = options with { Documents = Math.Max(1, (int)value) };
                    break;
                case "--seconds":
                    options = options with { Seconds = value };
                    break;
                case "--mb" when value <= 1024:
                    options = options with { Megabytes = (int)Math.Ceiling(value) };
                    break;
                case "--batch-mb" when value <= 1024:
                    options = options with { BatchMegabytes = (int)Math.Ceiling(value) };
                    break;
                case "--chunk-bytes" when value <= 1 << 20:
                    options = options with { Tuning = options.Tuning with { ChunkBytes = (int)Math.Ceiling(value) } };
                    break;
                case "--segment-tokens" when value <= 1 << 20:
                    options = options with { Tuning = options.Tuning with { SegmentTokens = (int)Math.Ceiling(value) } };
                    break;
                case "--part-mb" when value <= 1024:
                    options = options with { Tuning = options.Tuning with { PartBytes = (int)Math.Ceiling(value) << 20 } };
                    break;
                default:
                    error = $"{name} {args[i]} is out of range";
                    return null;
            }
        }

        return options;
    }
}
