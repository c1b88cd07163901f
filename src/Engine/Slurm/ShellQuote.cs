using System.Text;

namespace Dedup.Engine.Slurm;

/// <summary>Quoting for the two languages an sbatch script is read in: bash, and sbatch's own #SBATCH lines.</summary>
public static class ShellQuote
{
    /// <summary>
    /// One word for bash: as it is when it holds only characters no shell treats specially, else in
    /// single quotes (inside which nothing is special; a single quote itself becomes '\'').
    /// </summary>
    public static string Bash(string word)
    {
        if (word.Length > 0 && word.All(IsPlain))
        {
            return word;
        }

        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Words joined by spaces, each quoted for bash.</summary>
    public static string Bash(IEnumerable<string> words) => string.Join(' ', words.Select(Bash));

    /// <summary>
    /// One argument of an #SBATCH line. sbatch splits these lines at blanks itself, honouring double
    /// quotes and backslash escapes (checked with Slurm 22.05), not single quotes.
    /// </summary>
    public static string SbatchDirective(string argument)
    {
        if (argument.Contains('\n') || argument.Contains('\r'))
        {
            throw new UsageException($"sbatch option '{argument.ReplaceLineEndings(" ")}': an option for an #SBATCH line cannot hold a line break.");
        }

        if (argument.Length > 0 && argument.All(IsPlain))
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        foreach (char c in argument)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        return quoted.Append('"').ToString();
    }

    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ',' or ':' or '=' or '+' or '@' or '%';
}
