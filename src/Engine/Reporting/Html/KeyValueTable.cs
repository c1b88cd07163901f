using System.Text;

namespace Dedup.Engine.Reporting.Html;

/// <summary>A captioned two-column table of names and values, every cell escaped.</summary>
internal static class KeyValueTable
{
    private const int LongValue = 20;

    public static string Render(string caption, IEnumerable<(string Name, string Value)> rows)
    {
        var html = new StringBuilder($"<div class=\"facts\"><table><caption>{HtmlText.Escape(caption)}</caption>");
        foreach (var (name, value) in rows)
        {
            // Numbers must not break; long values (paths) may break anywhere rather than widen the page.
            string cell = value.Length > LongValue ? "<td class=\"long\">" : "<td>";
            html.Append($"<tr><th>{HtmlText.Escape(name)}</th>{cell}{HtmlText.Escape(value)}</td></tr>");
        }

        return html.Append("</table></div>").ToString();
    }
}
