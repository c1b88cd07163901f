using static System.FormattableString;

namespace Dedup.Engine.Evaluation;

/// <summary>Prints an <see cref="EvalReport"/> as a few readable tables.</summary>
public static class EvalTable
{
    public static void Write(TextWriter output, EvalReport report)
    {
        var run = report.Run;
        var truth = report.Truth;
        output.WriteLine(Invariant($"run    {run.Folder}: {run.ShingleSize}-gram shingles, {run.Permutations} permutations, {run.Bands} bands x {run.Rows} rows, threshold {run.Threshold}, verification {run.Verify}; {run.Clusters:N0} clusters, {run.Removed:N0} documents removed"));
        output.WriteLine(Invariant($"truth  {Source(truth)}: {truth.Documents:N0} documents scored; {truth.Groups:N0} groups of duplicates holding {truth.GroupedDocuments:N0} documents"));
        if (truth.IgnoredIds > 0)
        {
            output.WriteLine(Invariant($"       {truth.IgnoredIds:N0} ids of the truth are not among the run's signed documents and are left out"));
        }

        output.WriteLine();
        output.WriteLine("             predicted       truth        both   precision   recall      F1");
        var p = report.Pairs;
        output.WriteLine(Invariant($"pairs      {p.Predicted,11:N0} {p.Truth,11:N0} {p.Both,11:N0}   {p.Precision,9:F4} {p.Recall,8:F4} {p.F1,7:F4}"));
        if (report.Documents is { } d)
        {
            output.WriteLine();
            output.WriteLine("               removed   to remove     correct   precision   recall");
            output.WriteLine(Invariant($"documents  {d.Removed,11:N0} {d.ToRemove,11:N0} {d.Correct,11:N0}   {d.Precision,9:F4} {d.Recall,8:F4}"));
        }
        else
        {
            output.WriteLine("documents  (not scored on a sample: duplicates outside it are unknown)");
        }

        output.WriteLine();
        output.WriteLine(Invariant($"recall per exact Jaccard bucket of the truth pairs ({PairsMeaning(truth.Kind)}; Jaccard over the engine's shingles),"));
        output.WriteLine(Invariant($"next to the S-curve 1-(1-s^{run.Rows})^{run.Bands} (shares a band) and 'verified' (shares a band and passes the run's {run.Verify} check), means over the bucket's pairs"));
        output.WriteLine("bucket           pairs     found   recall   S-curve   verified");
        foreach (var b in report.Buckets)
        {
            string bucket = b.Low >= 1 ? "1.00" : Invariant($"[{b.Low:F2}, {b.High:F2})");
            output.WriteLine(Invariant($"{bucket,-13} {b.Pairs,8:N0} {b.Found,9:N0}   {b.Recall,6:F3}   {b.SCurve,7:F3}   {b.SCurveVerified,8:F3}"));
        }

        if (report.Buckets.Count == 0)
        {
            output.WriteLine("(no truth pairs)");
        }
    }

    private static string Source(EvalTruthSummary truth) => truth.File is null
        ? $"exact Jaccard >= the run's threshold{(truth.Sample is int n ? $" among a random sample of {n:N0} documents" : string.Empty)}"
        : $"{truth.Kind} from {truth.File}";

    private static string PairsMeaning(string kind) => kind switch
    {
        "families" => "each family member with its family's root",
        "pairs" => "the pairs listed",
        _ => "every pair at or above the threshold, identical copies once each against the first",
    };
}
