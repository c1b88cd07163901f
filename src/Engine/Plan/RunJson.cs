using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dedup.Engine.Lsh;
using Dedup.Engine.Reporting;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Stages;
using Dedup.Engine.Stages.Buckets;
using Dedup.Engine.Stages.Cluster;
using Dedup.Engine.Stages.Filter;
using Dedup.Engine.Stages.Report;
using Dedup.Engine.Stages.Signatures;

namespace Dedup.Engine.Plan;

/// <summary>How run.json and the done.json markers are written: snake_case, enums by name, indented.</summary>
public static class RunJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
