using System.Text;
using Dedup.Engine.Lsh;
using Dedup.Engine.Plan;

namespace Dedup.Engine.Reporting.Html;

/// <summary>The numbers at the top of the page: headline figures, then parameters, skipped records, LSH and inputs.</summary>
internal static class SummarySection
{
    public static string Render(RunReport report)
    {
        var d = report.Documents;
        var bytes = report.TextBytes;
        bool timed = report.StageSeconds.TryGetValue("total", out double seconds);
        var html = new StringBuilder("<section class=\"stats\">");
        html.Append(Stat("Records read", DisplayFormat.Count(d.Records), $"{DisplayFormat.Count(d.Signed)} deduplicated, from {DisplayFormat.Count(report.Inputs.Shards.Count)} shards"));
        html.Append(Stat("Removed", DisplayFormat.Count(d.Removed), $"{DisplayFormat.Percent(d.Removed, d.Records)} of the records", "removed"));
        html.Append(Stat("Kept", DisplayFormat.Count(d.Kept), $"{DisplayFormat.Percent(d.Kept, d.Records)} of the records", "kept"));
        html.Append(Stat("Clusters", DisplayFormat.Count(report.Clusters.Count), $"{DisplayFormat.Count(report.Clusters.Documents)} documents, largest {DisplayFormat.Count(report.Clusters.Largest)}"));
        html.Append(Stat("Text read", DisplayFormat.Megabytes(bytes.Read), $"files: {DisplayFormat.Megabytes(report.Files.Input)} on disk"));
        html.Append(Stat("Text removed", DisplayFormat.Megabytes(bytes.Removed), $"{DisplayFormat.Percent(bytes.Removed, bytes.Read)} of the text", "removed"));
        html.Append(Stat("Shards written", DisplayFormat.Megabytes(report.Files.Output), $"on disk, from {DisplayFormat.Megabytes(report.Files.Input)} read"));
        html.Append(Stat("Run time", timed ? DisplayFormat.Seconds(seconds) : "–", timed ? $"{DisplayFormat.Throughput(bytes.Read, seconds)} of text" : "not measured"));
        html.Append(Stat("Backend", report.Backend.Name, report.Backend.Reason, "text"));
        html.Append("</section><section class=\"fact-tables\">");
        html.Append(KeyValueTable.Render("Parameters", Parameters(report.Parameters)));
        html.Append(KeyValueTable.Render("Skipped and repaired records", Problems(d, report.RepeatedIds)));
        html.Append(KeyValueTable.Render("Candidate pairs and clusters", Clustering(report)));
        html.Append(KeyValueTable.Render("Inputs", Inputs(report.Inputs)));
        return html.Append("</section>").ToString();
    }

    private static string Stat(string name, string value, string sub, string cssClass = "") =>
        $"<div class=\"stat {cssClass}\"><div class=\"stat-name\">{HtmlText.Escape(name)}</div>"
        + $"<div class=\"stat-value\">{HtmlText.Escape(value)}</div><div class=\"stat-sub\">{HtmlText.Escape(sub)}</div></div>";

    private static IEnumerable<(string, string)> Parameters(RunConfiguration p)
    {
        yield return ("Threshold", DisplayFormat.Number(p.Threshold, 2));
        yield return ("Bands × rows", $"{p.Bands} × {p.Rows}");
        yield return ("Layout", p.BandsChosenFromThreshold ? "from the threshold" : "given");
        yield return ("Permutations", DisplayFormat.Count(p.Permutations));
        yield return ("Shingles", $"{p.ShingleSize} tokens");
        yield return ("Verification", p.Verify switch
        {
            VerifyMode.Exact => "exact Jaccard ≥ threshold",
            VerifyMode.Estimate => "estimated Jaccard ≥ threshold",
            _ => "off",
        });
        yield return ("Keep", p.Keep);
        yield return ("Text fields", string.Join(", ", p.TextFields));
        yield return ("Id field", p.IdField);
        yield return ("Seed", p.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static IEnumerable<(string, string)> Problems(DocumentCounts d, RepeatedIdSummary repeated)
    {
        foreach (var (reason, count) in d.Skipped)
        {
            yield return ($"skipped: {reason}", DisplayFormat.Count(count));
        }

        yield return ("repaired: invalid UTF-8", DisplayFormat.Count(d.Repaired));
        yield return ("without tokens", DisplayFormat.Count(d.WithoutTokens));
        yield return ("id of an earlier document", DisplayFormat.Count(repeated.Documents));
    }

    private static IEnumerable<(string, string)> Clustering(RunReport report)
    {
        yield return ("Candidate edges", DisplayFormat.Count(report.Lsh.CandidateEdges));
        yield return ("Merged", DisplayFormat.Count(report.Lsh.MergedEdges));
        yield return ("Below threshold (estimate)", DisplayFormat.Count(report.Lsh.RejectedByEstimate));
        if (report.Lsh.RejectedByExact is long exact)
        {
            yield return ("Below threshold (exact)", DisplayFormat.Count(exact));
        }
        yield return ("Exact-duplicate groups", DisplayFormat.Count(report.Lsh.ExactDuplicateGroups));
        yield return ("Documents in clusters", DisplayFormat.Count(report.Clusters.Documents));
        yield return ("Intermediate files", $"{DisplayFormat.Megabytes(report.Files.Intermediate)} ({DisplayFormat.Count((long)report.Files.IntermediatePerDocument(report.Documents.Signed))} bytes a document)");
    }

    private static IEnumerable<(string, string)> Inputs(InputSummary inputs)
    {
        foreach (string path in inputs.Paths)
        {
            yield return ("Path", path);
        }

        foreach (var kind in inputs.Shards.GroupBy(s => s.Compression == "none" ? s.Format : $"{s.Format} ({s.Compression})").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return ($"{kind.Key} shards", DisplayFormat.Count(kind.Count()));
        }
    }
}
