using System.Text.Json;
using Dedup.Engine.Plan;

namespace Dedup.Engine.RunFiles;

/// <summary>
/// done.json, written last into a task's folder: the plan it belongs to, the files it made with
/// their checksums, what it counted, and how long and how much memory it took.
/// </summary>
public sealed record TaskMarker(
    string RunHash,
    Stage Stage,
    int Task,
    double Seconds,
    long PeakMemoryBytes,
    IReadOnlyDictionary<string, FileChecksum> Files,
    JsonElement Stats)
{
    public T StatsAs<T>() => Stats.Deserialize<T>(RunJson.Options) ?? throw new InvalidDataException($"{Stage.Name()} task {Task}: done.json has no stats");
}
