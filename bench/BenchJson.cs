using System.Text.Json;

namespace Dedup.Bench;

/// <summary>
/// The one JSON format of the bench's result files (and of what <c>measure</c> hands back to <c>pipeline</c>):
/// indented, property names as declared, the format <c>signatures --json</c> has always written.
/// </summary>
public static class BenchJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Write<T>(string path, T value) => File.WriteAllText(path, JsonSerializer.Serialize(value, Options));

    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path}: empty JSON");
}
