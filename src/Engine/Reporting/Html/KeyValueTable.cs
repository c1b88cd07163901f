using System.Text;

namespace Dedup.Engine.Reporting.Html;

/// <summary>A captioned two-column table of names and values, every cell escaped.</summary>
internal static class KeyValueTable
{
    public static string Render(string caption, IEnumerable<(string Name, string Value)> rows)
    {
        var html = new StringBuilder($"<table class=\"facts\"><caption>{HtmlText.Escape(caption)}</caption>");
        foreach (var (name, value) in rows)
        {
            html.Append($"<tr><th>{HtmlText.Escape(name)}</th><td>{HtmlText.Escape(value)}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }
}
