using System.Text;

namespace Dedup.Engine.Reporting.Html;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched) with a
/// run's headline numbers and plots. Markup is kept well-formed XML so that tests can parse it.
/// </summary>
public static class HtmlReport
{
    private const int HalfWidth = 560;
    private const int FullWidth = 1150;

    /// <summary>Writes the page to <paramref name="stream"/> as UTF-8 without a byte-order mark.</summary>
    public static void Write(Stream stream, HtmlReportData data) =>
        stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(data)));

    internal static string Render(HtmlReportData data)
    {
        var report = data.Report;
        var p = report.Parameters;
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
        html.Append($"<title>Dedup report: {DisplayFormat.Percent(report.Documents.Removed, report.Documents.Records)} removed</title>");
        html.Append($"<style>{PageStyle.Css}</style></head><body><main>");
        html.Append($"<header><h1>Dedup report</h1><p>{HtmlText.Escape($"{report.Tool} {report.Version} · {report.Backend.Name} backend")}</p></header>");
        html.Append(SummarySection.Render(report));
        html.Append("<section class=\"plots\">");
        html.Append(Figure(ClusterSizePlot.Render(data.ClusterSizes), wide: false));
        html.Append(Figure(SimilarityPlot.Render(data.RemovedSimilarities, p.Threshold, p.Permutations), wide: false));
        html.Append(Figure(SCurvePlot.Render(p.Bands, p.Rows, p.Threshold), wide: false));
        html.Append(Figure(StagePlot.Render(report.StageSeconds, report.TextBytes.Read, HalfWidth), wide: false));
        html.Append(Figure(ShardRemovalPlot.Render(report.Inputs.Shards, FullWidth), wide: true));
        html.Append("</section>");
        html.Append(SweepSection.Render(report));
        html.Append(ProblemSection.Render(report.ProblemExamples));
        return html.Append("</main></body></html>\n").ToString();
    }

    private static string Figure(Plot plot, bool wide) =>
        $"<figure{(wide ? " class=\"wide\"" : string.Empty)}><h2>{HtmlText.Escape(plot.Title)}</h2>{plot.Svg}"
        + $"<figcaption>{HtmlText.Escape(plot.Note)}</figcaption></figure>";
}
