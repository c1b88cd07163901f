using System.Globalization;

namespace Dedup.Engine.Reporting.Html;

/// <summary>The first skipped or repaired records, with file and row, so that a user can go and look at them.</summary>
internal static class ProblemSection
{
    private const int Shown = 10;

    public static string Render(IReadOnlyList<RecordProblem> examples)
    {
        if (examples.Count == 0)
        {
            return string.Empty;
        }

        string caption = examples.Count > Shown ? $"First {Shown} of the {examples.Count} example problems in report.json" : "Records with problems";
        return DataTable.Render(
            caption,
            ["File", "Row", "Reason", "Detail"],
            examples.Take(Shown).Select(p => new[] { p.File, p.Row.ToString(CultureInfo.InvariantCulture), p.Reason, p.Detail }));
    }
}
