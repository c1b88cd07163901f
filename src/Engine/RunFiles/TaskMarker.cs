using System.Text.Json;
using System.Text.Json.Serialization;
using Dedup.Engine.Plan;

namespace Dedup.Engine.RunFiles;

/// <summary>
/// done.json, written last into a task's folder: the plan it belongs to, the files it made with
/// their checksums, what it counted, and how long and how much memory it took; sealed by a checksum of
/// all of that, so statistics edited by hand cannot pass into the report.
/// </summary>
public sealed record TaskMarker(
    string RunHash,
    Stage Stage,
    int Task,
    double Seconds,
    long PeakMemoryBytes,
    IReadOnlyDictionary<string, FileChecksum> Files,
    JsonElement Stats,
    string Checksum = "")
{
    /// <summary>The same marker with its checksum computed over everything else in it.</summary>
    public TaskMarker Sealed() => this with { Checksum = ChecksumOf(this with { Checksum = string.Empty }) };

    /// <summary>Whether the checksum is that of the rest, as <see cref="Sealed"/> wrote it.</summary>
    [JsonIgnore]
    public bool IsIntact => ChecksumOf(this with { Checksum = string.Empty }) == Checksum;

    private static string ChecksumOf(TaskMarker marker) =>
        Convert.ToHexStringLower(System.IO.Hashing.XxHash3.Hash(JsonSerializer.SerializeToUtf8Bytes(marker, RunJson.Options)));

    public T StatsAs<T>() => Stats.Deserialize<T>(RunJson.Options) ?? throw new InvalidDataException($"{Stage.Name()} task {Task}: done.json has no stats");
}
