using System.Globalization;
using System.Text;

namespace Dedup.Engine.IO;

/// <summary>
/// Text that reaches a message, report.json or report.html from an input (a JSON reader's excerpt of a
/// line, a file name): control characters escaped, so a terminal shows them instead of obeying them
/// (an ESC sequence can clear the screen or retitle the window), and cut short, so a 20 MB line is not a
/// 20 MB message.
/// </summary>
public static class MessageText
{
    /// <summary>How much of an input's own text a message quotes.</summary>
    public const int ExcerptChars = 200;

    /// <summary>The most a whole message may take: a safety net for messages with excerpts inside.</summary>
    public const int MessageChars = 4000;

    /// <summary><paramref name="text"/> with control characters written as \xNN (\uNNNN above 0xFF) and, past <paramref name="max"/> characters, cut with a count of the rest.</summary>
    public static string Safe(string text, int max = ExcerptChars)
    {
        bool cut = text.Length > max;
        var kept = cut ? text.AsSpan(0, max) : text.AsSpan();
        if (!cut && !HasControl(kept))
        {
            return text;
        }

        var safe = new StringBuilder(kept.Length + 32);
        foreach (char c in kept)
        {
            if (char.IsControl(c))
            {
                safe.Append(c <= 0xFF ? $"\\x{(int)c:X2}" : $"\\u{(int)c:X4}");
            }
            else
            {
                safe.Append(c);
            }
        }

        if (cut)
        {
            safe.Append(CultureInfo.InvariantCulture, $"… ({text.Length - max:N0} more characters)");
        }

        return safe.ToString();
    }

    private static bool HasControl(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
