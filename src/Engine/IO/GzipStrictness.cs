using System.IO.Compression;

namespace Dedup.Engine.IO;

/// <summary>
/// By default GZipStream ends a truncated stream silently, so a half-copied shard would be taken for a complete
/// one. The runtime switch below makes it throw instead, but the runtime reads the switch only once, at the first
/// decompression in the process; if anything decompressed gzip before us it stays off. <see cref="IsActive"/>
/// says which case we are in (tested, not assumed) so that readers can fall back to <see cref="GzipEndCheck"/>.
/// </summary>
internal static class GzipStrictness
{
    private const string SwitchName = "System.IO.Compression.UseStrictValidation";

    private static readonly Lazy<bool> Active = new(Probe);

    public static bool IsActive => Active.Value;

    /// <summary>Sets the switch as early as possible; cheap to call repeatedly.</summary>
    public static void Enable() => _ = Active.Value;

    private static bool Probe()
    {
        // The switch only adds an error for truncated input, so turning it on process-wide is safe.
        AppContext.SetSwitch(SwitchName, true);
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(new byte[64]);
        }

        var truncated = packed.ToArray()[..^6];
        try
        {
            using var reader = new GZipStream(new MemoryStream(truncated), CompressionMode.Decompress);
            reader.CopyTo(Stream.Null);
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }
}
