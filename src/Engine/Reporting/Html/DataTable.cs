using System.Text;

namespace Dedup.Engine.Reporting.Html;

/// <summary>A captioned table with a header row, in a card of its own below the plots; every cell escaped.</summary>
internal static class DataTable
{
    public static string Render(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var html = new StringBuilder($"<section class=\"table\"><table><caption>{HtmlText.Escape(caption)}</caption><tr>");
        foreach (string header in headers)
        {
            html.Append($"<th>{HtmlText.Escape(header)}</th>");
        }

        html.Append("</tr>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (string cell in row)
            {
                html.Append($"<td>{HtmlText.Escape(cell)}</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</table></section>").ToString();
    }
}
