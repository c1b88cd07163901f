using System.CommandLine;
using Dedup.Engine.Evaluation;

namespace Dedup.Cli.Commands;

/// <summary><c>dedup eval OUT --truth FILE | --exact-jaccard</c>: scores a finished run against a ground truth.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var runFolder = new Argument<string>("OUT") { Description = "Output folder of a finished dedup run (report.json, clusters.jsonl). Its inputs are read again, with its text and id fields." };
        var truth = new Option<string?>("--truth") { HelpName = "FILE", Description = "Ground truth: JSONL (plain, .gz or .zst) of {\"id\", \"family\"} (ids of one family are duplicates) or, with --truth-kind pairs, of {\"a\", \"b\"} duplicate pairs." };
        var truthKind = new Option<string>("--truth-kind") { Description = "What --truth holds: families or pairs (their transitive closure).", DefaultValueFactory = _ => "families" };
        truthKind.AcceptOnlyFromAmong("families", "pairs");
        var exactJaccard = new Option<bool>("--exact-jaccard") { Description = "Instead of a truth file: the pairs whose exact Jaccard over the engine's own shingles reaches the run's threshold (an exact similarity join; fine up to a few hundred MB)." };
        var sample = new Option<int?>("--sample") { HelpName = "N", Description = "With --exact-jaccard: only the pairs among N random documents, for corpora too large for the full join." };
        var json = new Option<string?>("--json") { HelpName = "FILE", Description = "Also write every number to this JSON file." };

        var command = new Command("eval", """
            Score a run's clusters against ground truth: pair precision, recall and F1 (pairs of documents
            in one cluster), duplicate-document precision and recall (removed documents), and recall per
            exact-Jaccard bucket next to the LSH S-curve 1-(1-s^r)^b of the run's bands and rows.
            """)
        {
            runFolder, truth, truthKind, exactJaccard, sample, json,
        };

        command.SetAction((ParseResult r) => FailureHandler.Run(Console.Error, () =>
        {
            var options = new EvalOptions
            {
                RunFolder = r.GetValue(runFolder)!,
                TruthFile = r.GetValue(truth),
                Kind = r.GetValue(exactJaccard) ? TruthKind.ExactJaccard : r.GetValue(truthKind) == "pairs" ? TruthKind.Pairs : TruthKind.Families,
                Sample = r.GetValue(sample),
            };
            var report = EvalRun.Execute(options);
            EvalTable.Write(Console.Out, report);
            if (r.GetValue(json) is { } path)
            {
                EvalReportFile.Write(path, report);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
