namespace Dedup.Engine.Clustering;

/// <summary>
/// Disjoint sets over dense document indices, with path halving and union by smaller index:
/// the root of a set is always its smallest member, which makes roots deterministic.
/// </summary>
public sealed class UnionFind
{
    private readonly int[] parent;

    public UnionFind(int count)
    {
        parent = new int[count];
        for (int i = 0; i < count; i++)
        {
            parent[i] = i;
        }
    }

    public int Count => parent.Length;

    public int Find(int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    /// <summary>Joins the sets of a and b; returns false when they were already one.</summary>
    public bool Union(int a, int b)
    {
        int ra = Find(a);
        int rb = Find(b);
        if (ra == rb)
        {
            return false;
        }

        if (ra < rb)
        {
            parent[rb] = ra;
        }
        else
        {
            parent[ra] = rb;
        }

        return true;
    }
}
