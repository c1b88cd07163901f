using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dedup.Engine.Ownership;

/// <summary>Who holds an <see cref="AdvisoryLock"/>, as its lock file says: one JSON line, for the process it refuses and for a person with cat.</summary>
public sealed record LockHolder(string Host, int Pid, DateTimeOffset Since, string Command)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [JsonIgnore]
    public ProcessOwner Owner => new(Host, Pid);

    /// <summary>This process, from now: its command line with the program path shortened to dedup.</summary>
    public static LockHolder OfThisProcess()
    {
        string command = string.Join(' ', ["dedup", .. Environment.GetCommandLineArgs().Skip(1)]);
        return new(ProcessOwner.Current.Host, ProcessOwner.Current.Pid, DateTimeOffset.UtcNow, command.Length > 300 ? command[..300] + "..." : command);
    }

    /// <summary>The holder a lock file's text names, or null when it names none (empty, or not yet written).</summary>
    public static LockHolder? Parse(string? text)
    {
        try
        {
            var holder = string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<LockHolder>(text, Json);
            return holder is { Host: not null, Pid: > 0 } ? holder : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Owner} since {Since.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z ({Command})");
}
