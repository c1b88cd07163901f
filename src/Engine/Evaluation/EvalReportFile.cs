using System.Text.Json;
using Dedup.Engine.IO;
using Dedup.Engine.Reporting;

namespace Dedup.Engine.Evaluation;

/// <summary>Writes eval's numbers as JSON, in report.json's style (snake_case, indented).</summary>
public static class EvalReportFile
{
    public static void Write(string path, EvalReport report) =>
        DurableFile.Write(path, stream => JsonSerializer.Serialize(stream, report, ReportFile.Json));
}
