namespace Dedup.Engine.Reporting.Html;

/// <summary>
/// The page's only stylesheet, inline so that the report is one file that opens anywhere, offline.
/// System fonts only: a report must not fetch anything. SVG rules are scoped to <c>.plot</c>.
/// </summary>
internal static class PageStyle
{
    public const string Css = """
        *{box-sizing:border-box}
        body{margin:0;background:#f4f5f7;color:#1f2937;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
        main{max-width:1220px;margin:0 auto;padding:24px 30px 40px}
        h1{font-size:24px;margin:0}
        header p{margin:2px 0 18px;color:#4b5563}
        h2{font-size:15px;margin:0 0 6px}
        .stats{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin-bottom:12px}
        .stat,.facts,figure,.table{background:#fff;border:1px solid #e2e5e9;border-radius:8px}
        .stat{padding:10px 16px}
        .stat-name{color:#4b5563;font-size:13px}
        .stat-value{font-size:26px;font-weight:600;font-variant-numeric:tabular-nums}
        .stat-sub{color:#4b5563;font-size:12.5px;overflow-wrap:anywhere}
        .removed .stat-value{color:#c2410c}
        .kept .stat-value{color:#1d4ed8}
        .text .stat-value{font-size:16px;padding:8px 0 6px}
        .fact-tables{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin-bottom:16px;align-items:start}
        table{border-collapse:collapse;width:100%}
        caption{text-align:left;font-weight:600;padding:8px 12px 2px}
        th,td{padding:3px 12px;vertical-align:top;font-size:13px}
        th{text-align:left;font-weight:normal;color:#4b5563;white-space:nowrap}
        td{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.long{white-space:normal;overflow-wrap:anywhere}
        .facts tr:last-child th,.facts tr:last-child td{padding-bottom:8px}
        .plots{display:grid;grid-template-columns:1fr 1fr;gap:16px}
        figure{margin:0;padding:12px 16px}
        figure.wide{grid-column:1/-1}
        figcaption{color:#4b5563;font-size:12.5px;margin-top:4px}
        svg.plot{display:block;width:100%;height:auto}
        .plot text{fill:#374151;font-size:11px}
        .plot .middle{text-anchor:middle}
        .plot .end{text-anchor:end}
        .plot .grid{stroke:#e5e7eb}
        .plot .axis{stroke:#6b7280}
        .plot .axis-title,.plot .label,.plot .legend{font-size:12px}
        .plot .label{fill:#111827}
        .plot .gap,.plot .empty{fill:#6b7280;font-style:italic;font-size:12.5px}
        .plot .bar{fill:#4e79a7}
        .plot .bar.removed{fill:#e8833a}
        .plot .bar:hover{opacity:.75}
        .plot .curve{fill:none;stroke:#4e79a7;stroke-width:2.5}
        .plot .threshold{stroke:#d62728;stroke-width:1.5;stroke-dasharray:5 4}
        .plot .guide{stroke:#d62728;stroke-dasharray:2 3}
        .plot .marker{fill:#b91c1c;font-size:11.5px}
        .table{margin-top:16px;padding-bottom:8px}
        .table td{text-align:left;white-space:normal;overflow-wrap:anywhere}
        """;
}
