using Dedup.Engine.IO;

namespace Dedup.Engine.Evaluation;

/// <summary>
/// A JSONL truth of <c>{"id", "family"}</c> lines (other fields ignored; plain, gzip or zstd): ids
/// with the same family are duplicates, and an id not listed is a family of its own.
/// </summary>
internal sealed class FamilyTruth : ITruthSource
{
    private readonly List<(string Id, string Family)> rows;
    private readonly HashSet<string> grouped;

    private FamilyTruth(List<(string Id, string Family)> rows)
    {
        this.rows = rows;
        grouped = rows.GroupBy(r => r.Family, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g.Select(r => r.Id)).ToHashSet(StringComparer.Ordinal);
    }

    public static FamilyTruth Read(string path)
    {
        var rows = new List<(string Id, string Family)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        JsonLinesInput.ForEach(path, (row, line) =>
        {
            string id = JsonLinesInput.IdField(row, "id", path, line);
            if (!ids.Add(id))
            {
                throw new InputException($"{path} line {line}: id '{id}' is listed twice; give each id one family.");
            }

            rows.Add((id, JsonLinesInput.IdField(row, "family", path, line)));
        });
        return new FamilyTruth(rows);
    }

    public bool Mentions(string id) => grouped.Contains(id);

    /// <summary>
    /// Graded pairs: each member with its family's root, the member named like the family when
    /// there is one (devmix names families after their seed) and else the first listed.
    /// </summary>
    public EvaluatedTruth Build(RunCorpus corpus)
    {
        var families = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        long ignored = 0;
        foreach (var (id, family) in rows)
        {
            if (!corpus.Contains(id))
            {
                ignored++;
                continue;
            }

            if (!families.TryGetValue(family, out var members))
            {
                families[family] = members = [];
                order.Add(family);
            }

            members.Add(id);
        }

        var pairs = new List<TruthPair>();
        foreach (string family in order)
        {
            var members = families[family];
            string root = members.Contains(family, StringComparer.Ordinal) ? family : members[0];
            foreach (string member in members.Where(m => !string.Equals(m, root, StringComparison.Ordinal)))
            {
                pairs.Add(new TruthPair(root, member, EngineShingles.Jaccard(corpus.Shingles[root], corpus.Shingles[member])));
            }
        }

        return new EvaluatedTruth(IdPartition.FromGroups(order.Select(f => families[f])), pairs, ignored);
    }
}
