using Dedup.Engine.Clustering;

namespace Dedup.Engine.Evaluation;

/// <summary>
/// Document ids split into groups of duplicates. Only groups of two or more are stored; any other
/// id is a group of its own, so a partition of a large corpus costs only its duplicates.
/// </summary>
public sealed class IdPartition
{
    private readonly Dictionary<string, int> groupOf = new(StringComparer.Ordinal);
    private readonly List<string[]> groups = [];

    private IdPartition()
    {
    }

    /// <summary>The groups of two or more, each in the order its members were given.</summary>
    public IReadOnlyList<string[]> Groups => groups;

    /// <summary>Documents in groups of two or more.</summary>
    public long GroupedDocuments { get; private set; }

    /// <summary>The group of <paramref name="id"/>, or -1 when it is alone.</summary>
    public int GroupOf(string id) => groupOf.TryGetValue(id, out int group) ? group : -1;

    public bool Together(string a, string b)
    {
        int group = GroupOf(a);
        return group >= 0 && group == GroupOf(b);
    }

    /// <summary>Groups as given; groups of fewer than two are dropped. An id may be in one group only.</summary>
    public static IdPartition FromGroups(IEnumerable<IReadOnlyList<string>> groups)
    {
        var partition = new IdPartition();
        foreach (var group in groups)
        {
            if (group.Count < 2)
            {
                continue;
            }

            var members = group.ToArray();
            foreach (string id in members)
            {
                if (!partition.groupOf.TryAdd(id, partition.groups.Count))
                {
                    throw new ArgumentException($"id '{id}' is in two groups", nameof(groups));
                }
            }

            partition.groups.Add(members);
            partition.GroupedDocuments += members.Length;
        }

        return partition;
    }

    /// <summary>The transitive closure of duplicate pairs: groups in order of first mention, members likewise.</summary>
    public static IdPartition FromPairs(IEnumerable<(string A, string B)> pairs)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var links = new List<(int, int)>();
        foreach (var (a, b) in pairs)
        {
            links.Add((IndexOf(a), IndexOf(b)));
        }

        var sets = new UnionFind(ids.Count);
        foreach (var (a, b) in links)
        {
            sets.Union(a, b);
        }

        // The root of a set is its smallest index, i.e. its first-mentioned id.
        var members = new Dictionary<int, List<string>>();
        for (int i = 0; i < ids.Count; i++)
        {
            int root = (int)sets.Find(i);
            if (!members.TryGetValue(root, out var list))
            {
                members[root] = list = [];
            }

            list.Add(ids[i]);
        }

        return FromGroups(members.OrderBy(kv => kv.Key).Select(kv => kv.Value));

        int IndexOf(string id)
        {
            if (!index.TryGetValue(id, out int i))
            {
                index[id] = i = ids.Count;
                ids.Add(id);
            }

            return i;
        }
    }

    /// <summary>The same groups with only the ids <paramref name="keep"/> accepts.</summary>
    public IdPartition Restrict(Func<string, bool> keep) => FromGroups(groups.Select(g => g.Where(keep).ToArray()));
}
