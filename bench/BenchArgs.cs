using System.Globalization;

namespace Dedup.Bench;

/// <summary>
/// The options of one bench command: <c>--name value</c> pairs and flags, checked against the names the
/// command knows so that a typo fails instead of silently measuring the default, and everything after
/// <c>--</c> kept untouched for a child program.
/// </summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    public BenchArgs(IReadOnlyList<string> args, IReadOnlyCollection<string> valueNames, IReadOnlyCollection<string>? flagNames = null, bool passThrough = false)
    {
        flagNames ??= [];
        int i = 0;
        for (; i < args.Count && args[i] != "--"; i++)
        {
            string name = args[i];
            if (flagNames.Contains(name))
            {
                flags.Add(name);
            }
            else if (valueNames.Contains(name))
            {
                if (i + 1 >= args.Count)
                {
                    throw new BenchUsageException($"{name} needs a value.");
                }

                values[name] = args[++i];
            }
            else
            {
                throw new BenchUsageException($"unknown option '{name}'; this command takes {string.Join(", ", valueNames.Concat(flagNames))}{(passThrough ? " and -- followed by options for the child" : "")}.");
            }
        }

        if (i < args.Count && !passThrough)
        {
            throw new BenchUsageException("this command passes nothing on: remove the '--' and what follows it.");
        }

        PassThrough = i < args.Count ? args.Skip(i + 1).ToArray() : [];
    }

    /// <summary>What followed <c>--</c>, for a child program.</summary>
    public IReadOnlyList<string> PassThrough { get; }

    public string? Value(string name) => values.GetValueOrDefault(name);

    public string Value(string name, string fallback) => values.GetValueOrDefault(name) ?? fallback;

    public string Required(string name) =>
        values.GetValueOrDefault(name) ?? throw new BenchUsageException($"{name} is required.");

    public int Int(string name, int fallback, int min)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min
            ? value
            : throw new BenchUsageException($"{name} {text}: give a whole number of at least {min}.");
    }

    public bool Flag(string name) => flags.Contains(name);
}
