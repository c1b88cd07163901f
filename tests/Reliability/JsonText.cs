using System.Globalization;
using System.Text;

namespace Dedup.Reliability;

/// <summary>
/// Writes a string as a JSON string literal the way many different writers do: every character that must be
/// escaped is (short forms like \n, or \u00XX), and others are written as they are or, chosen by
/// <paramref name="choices"/>, as \uXXXX escapes in either case (surrogate pairs as two escapes), or '/' as "\/".
/// The reader must unescape all of them to the same text.
/// </summary>
public static class JsonText
{
    public static string Quote(string text, Random choices)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append("\\\\");
                    break;
                case '/' when choices.Next(2) == 0:
                    quoted.Append("\\/");
                    break;
                case '\n' when choices.Next(2) == 0:
                    quoted.Append("\\n");
                    break;
                case '\t' when choices.Next(2) == 0:
                    quoted.Append("\\t");
                    break;
                case < ' ':
                    quoted.Append(Escape(c, choices));
                    break;
                case var high when char.IsHighSurrogate(high) && i + 1 < text.Length:
                    // A pair is escaped whole or not at all: half of one escaped is a lone surrogate.
                    char low = text[++i];
                    quoted.Append(choices.Next(8) == 0 ? Escape(high, choices) + Escape(low, choices) : $"{high}{low}");
                    break;
                default:
                    quoted.Append(choices.Next(8) == 0 ? Escape(c, choices) : c.ToString());
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    private static string Escape(char c, Random choices) =>
        "\\u" + ((int)c).ToString(choices.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture);
}
