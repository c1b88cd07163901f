using System.Globalization;
using System.Text;

namespace Dedup.Engine.IO;

/// <summary>
/// Names of fields or columns as a message lists them: quoted, at most <see cref="MaxNames"/>, each cut to
/// <see cref="MaxLength"/> characters, control and format characters escaped (they come from the data).
/// </summary>
internal static class FieldNames
{
    private const int MaxNames = 20;
    private const int MaxLength = 40;

    public static string List(IReadOnlyCollection<string> names)
    {
        if (names.Count == 0)
        {
            return "none";
        }

        string list = string.Join(", ", names.Take(MaxNames).Select(Quote));
        return names.Count > MaxNames ? $"{list} and {names.Count - MaxNames:N0} more" : list;
    }

    private static string Quote(string name)
    {
        int length = Math.Min(name.Length, MaxLength);
        if (length < name.Length && char.IsHighSurrogate(name[length - 1]))
        {
            length--;
        }

        var quoted = new StringBuilder("'");
        foreach (char c in name.AsSpan(0, length))
        {
            quoted.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append(length < name.Length ? "…'" : "'").ToString();
    }
}
