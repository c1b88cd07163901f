using System.Text;

namespace Dedup.Engine.Reporting.Html;

/// <summary>Escapes text for HTML and SVG content and attribute values.</summary>
internal static class HtmlText
{
    /// <summary>
    /// Escapes the five markup characters, so that shard paths and ids can never open a tag or end
    /// an attribute, and replaces characters XML forbids (control characters, lone surrogates) with
    /// U+FFFD: file names may hold them, and the page is kept parseable as XML for its tests.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        escaped.Append(c).Append(text[++i]);
                    }
                    else
                    {
                        escaped.Append(IsAllowedInXml(c) ? c : '\uFFFD');
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    private static bool IsAllowedInXml(char c) =>
        c is '\t' or '\n' or '\r' || (c >= ' ' && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF'));
}
