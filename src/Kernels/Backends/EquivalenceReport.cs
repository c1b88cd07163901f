namespace Dedup.Kernels.Backends;

/// <summary>What <see cref="EquivalenceCheck.Run"/> found for one backend.</summary>
/// <param name="Results">Results compared: documents times parameter sets times layouts.</param>
/// <param name="Failure">What the backend threw, which ended the run; null when it ran to the end.</param>
public sealed record EquivalenceReport(string Backend, int Results, IReadOnlyList<EquivalenceMismatch> Mismatches, Exception? Failure)
{
    public bool Passed => Failure is null && Mismatches.Count == 0;

    /// <summary>Results (a document under one parameter set in one layout) with at least one field that differs.</summary>
    public int MismatchedResults => Mismatches.Select(m => (m.Parameters, m.Layout, m.Document)).Distinct().Count();

    /// <summary>The failure in one line; null when there is none.</summary>
    public string? Error => Failure is null ? null : $"{Failure.GetType().Name}: {Failure.Message}";

    /// <summary>The outcome in words, for the log.</summary>
    public string Summary => Error is not null ? $"ERROR {Error}"
        : Passed ? $"bit-exact on {Results:N0} document results"
        : $"{MismatchedResults:N0} of {Results:N0} document results differ from the reference ({Mismatches.Count:N0} fields)";

    /// <summary>The first <paramref name="most"/> mismatches, a line each, and how many more there are.</summary>
    public IEnumerable<string> MismatchLines(int most)
    {
        foreach (var mismatch in Mismatches.Take(most))
        {
            yield return mismatch.ToString();
        }

        if (Mismatches.Count > most)
        {
            yield return $"... and {Mismatches.Count - most:N0} more";
        }
    }

    /// <summary>The whole report as text: the summary, the mismatches and the failure with its stack (a test's message).</summary>
    public string Describe(int most = 20)
    {
        var lines = new List<string> { $"{Backend}: {Summary}" };
        lines.AddRange(MismatchLines(most));
        if (Failure is not null)
        {
            lines.Add(Failure.ToString());
        }

        return string.Join(Environment.NewLine, lines);
    }
}
