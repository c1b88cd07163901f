namespace Dedup.Engine.Clustering;

/// <summary>
/// Disjoint sets over dense indices (8 bytes each), with path halving and union by smaller index:
/// the root of a set is always its smallest member, which makes roots deterministic whatever the
/// order of the unions. Every parent is at most its child, which <see cref="Flatten"/> relies on.
/// </summary>
public sealed class UnionFind
{
    private readonly BigArray<long> parent;

    public UnionFind(long count)
    {
        parent = new BigArray<long>(count);
        for (long i = 0; i < count; i++)
        {
            parent[i] = i;
        }
    }

    public long Count => parent.Length;

    public long Find(long x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    /// <summary>Joins the sets of a and b; returns false when they were already one.</summary>
    public bool Union(long a, long b)
    {
        long ra = Find(a);
        long rb = Find(b);
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

    /// <summary>
    /// Points every element straight at its root, in one ascending pass (a parent, being smaller,
    /// is already flat when its children are reached), and hands over the array: roots[i] = Find(i).
    /// The sets can take no more unions afterwards.
    /// </summary>
    public BigArray<long> Flatten()
    {
        for (long i = 0; i < parent.Length; i++)
        {
            parent[i] = parent[parent[i]];
        }

        return parent;
    }
}
