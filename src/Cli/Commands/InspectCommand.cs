using System.CommandLine;
using System.Globalization;
using Dedup.Engine;
using Dedup.Engine.Inspection;

namespace Dedup.Cli.Commands;

/// <summary><c>dedup inspect OUT --cluster N | --id X</c>: what a cluster holds and how its members differ from the kept one.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var output = new Argument<string>("OUT") { Description = "The output folder of a finished dedup run." };
        var cluster = new Option<int?>("--cluster") { Description = "The cluster number (as in clusters.jsonl and removed/)." };
        var id = new Option<string?>("--id") { Description = "A document id: shows the cluster it belongs to." };
        var command = new Command("inspect", "Show a cluster's members with their sizes, exact Jaccard similarity to the kept document and a compact word diff against it ([-removed-] {+added+}). Reads the run's inputs again to get the texts.")
        {
            output, cluster, id,
        };

        command.SetAction((ParseResult r) => FailureHandler.Run(Console.Error, () =>
        {
            int? number = r.GetValue(cluster);
            string? documentId = r.GetValue(id);
            if (number.HasValue == (documentId is not null))
            {
                throw new UsageException("give either --cluster N or --id X.");
            }

            Print(Console.Out, ClusterInspection.Load(r.GetValue(output)!, number, documentId));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Print(TextWriter output, ClusterInspection inspection)
    {
        var kept = inspection.Members.Single(m => m.Kept);
        output.WriteLine($"cluster {inspection.Number}: {inspection.Members.Count} documents, kept {kept.Id}");
        foreach (var member in inspection.Members)
        {
            string similarity = member.Kept ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"  jaccard {member.Jaccard:F3}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(member.Kept ? "kept   " : "removed")}  {member.Id}  {member.Bytes:N0} bytes, {member.Tokens:N0} tokens{similarity}"));
            if (!member.Kept)
            {
                output.WriteLine($"      {member.Diff}");
            }
        }
    }
}
