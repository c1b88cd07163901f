using Dedup.Engine.Pipeline;

namespace Dedup.Engine.Clustering;

/// <summary>
/// Documents with equal content hashes (the same tokens), as pairs linking each to the previous
/// one of its group. Documents without tokens are never grouped: they would all be "equal".
/// </summary>
public sealed class ExactDuplicates
{
    private ExactDuplicates(List<(int, int)> pairs, int groups)
    {
        Pairs = pairs;
        Groups = groups;
    }

    public IReadOnlyList<(int A, int B)> Pairs { get; }

    /// <summary>Groups of two or more documents with the same content.</summary>
    public int Groups { get; }

    public static ExactDuplicates Find(DocumentTable documents)
    {
        var byContent = new List<(UInt128 Hash, int Document)>(documents.Count);
        for (int d = 0; d < documents.Count; d++)
        {
            if (documents[d].TokenCount > 0)
            {
                byContent.Add((documents[d].ContentHash, d));
            }
        }

        byContent.Sort();
        var pairs = new List<(int, int)>();
        int groups = 0;
        for (int i = 1; i < byContent.Count; i++)
        {
            if (byContent[i].Hash == byContent[i - 1].Hash)
            {
                bool startsGroup = i == 1 || byContent[i - 1].Hash != byContent[i - 2].Hash;
                groups += startsGroup ? 1 : 0;
                pairs.Add((byContent[i - 1].Document, byContent[i].Document));
            }
        }

        return new ExactDuplicates(pairs, groups);
    }
}
