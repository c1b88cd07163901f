using System.CommandLine;
using System.CommandLine.Parsing;

namespace Dedup.Cli;

/// <summary>
/// What is wrong with a command line, in one line of the tool's own words, in place of System.CommandLine's
/// messages (which name .NET types). A word that starts with '-' but is no option of the command is a mistake
/// too: System.CommandLine would take it for an INPUT path. A path that does start with '-' goes after "--".
/// </summary>
public static class CommandLineErrors
{
    /// <summary>The first mistake of the command line; null when there is none, or when it asks for --help (which wins).</summary>
    public static string? First(ParseResult result)
    {
        if (result.Action is { ClearsParseErrors: true })
        {
            return null;
        }

        return UnknownOption(result) ?? UnknownCommand(result) ?? (result.Errors.Count > 0 ? Describe(result.Errors[0]) : null);
    }

    /// <summary>The help of the command the line names, e.g. "dedup slurm submit --help".</summary>
    public static string HelpCommand(ParseResult result)
    {
        var names = new List<string>();
        for (var command = result.CommandResult; command.Parent is CommandResult parent; command = parent)
        {
            names.Insert(0, command.Command.Name);
        }

        return string.Join(' ', ["dedup", .. names, "--help"]);
    }

    private static string? UnknownOption(ParseResult result)
    {
        // The tokens options took as their values ('--sbatch-arg --account=x'), by reference: the same
        // text may also stand elsewhere on the line.
        var values = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        for (var command = result.CommandResult; command is not null; command = command.Parent as CommandResult)
        {
            foreach (var option in command.Children.OfType<OptionResult>())
            {
                values.UnionWith(option.Tokens);
            }
        }

        var unknown = result.Tokens
            .TakeWhile(t => t.Type != TokenType.DoubleDash)
            .FirstOrDefault(t => t.Type == TokenType.Argument && t.Value.Length > 1 && t.Value[0] == '-' && !values.Contains(t));
        if (unknown is null)
        {
            return null;
        }

        string typed = unknown.Value.Split('=', ':')[0];
        var own = result.CommandResult.Command;
        string? nearest = Nearest(typed, own.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)));
        return nearest is not null ? $"unknown option '{typed}'; did you mean '{nearest}'?"
            : own.Arguments.Count > 0 ? $"unknown option '{typed}' (a path that starts with '-' goes after '--')."
            : $"unknown option '{typed}'.";
    }

    private static string? UnknownCommand(ParseResult result)
    {
        var command = result.CommandResult.Command;
        if (command.Subcommands.Count == 0 || result.UnmatchedTokens.Count == 0)
        {
            return null;
        }

        string typed = result.UnmatchedTokens[0];
        return Nearest(typed, command.Subcommands.Select(c => c.Name)) is { } nearest
            ? $"unknown command '{typed}'; did you mean '{nearest}'?"
            : $"unknown command '{typed}'.";
    }

    private static string Describe(ParseError error) =>
        // A numeric option with one value fails only to convert it, and System.CommandLine's message then
        // names the .NET type ('System.Double'); say what the option wants instead.
        error.SymbolResult is OptionResult { Tokens: [var token] } option && Wanted(option.Option.ValueType) is { } wanted
            ? $"{option.Option.Name}: '{token.Value}' is not {wanted}."
            : error.Message;

    private static string? Wanted(Type type) => Type.GetTypeCode(Nullable.GetUnderlyingType(type) ?? type) switch
    {
        TypeCode.Double => "a number",
        TypeCode.Int32 => "a whole number",
        TypeCode.UInt64 => "a whole number of 0 or more",
        _ => null,
    };

    /// <summary>
    /// The name nearest to <paramref name="typed"/>: one it begins (from 3 letters on), else one within an edit
    /// per 4 letters (at least one, never all of them); the first declared of equally near ones; null when none is near.
    /// </summary>
    private static string? Nearest(string typed, IEnumerable<string> names) => names
        .Select(name => (Name: name, Letters: name.TrimStart('-').Length, Distance: typed.TrimStart('-').Length >= 3 && name.StartsWith(typed, StringComparison.Ordinal) ? 0 : EditDistance(typed, name)))
        .Where(c => c.Distance <= Math.Max(1, c.Letters / 4) && c.Distance < c.Letters)
        .OrderBy(c => c.Distance)
        .Select(c => c.Name)
        .FirstOrDefault();

    /// <summary>Levenshtein distance: the fewest inserted, deleted or replaced characters that turn one into the other.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
