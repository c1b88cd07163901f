namespace Dedup.Bench;

/// <summary>What a corpus profile makes: distinct documents, and near-duplicates of given texts.</summary>
public interface IDocumentProfile
{
    /// <summary>How many earlier documents copies and near-duplicates are drawn from (see <see cref="DocumentReservoir"/>).</summary>
    int ReservoirCapacity { get; }

    GeneratedDocument Distinct(string id);

    string NearDuplicate(string text);
}

/// <summary>
/// Makes the documents of a synthetic corpus one at a time: mostly a profile's distinct documents,
/// about 5% near-duplicates and 2% exact copies of earlier ones. Everything comes from one seeded
/// generator, so a seed gives the same corpus.
/// </summary>
public sealed class DocumentMix(IDocumentProfile profile, Random random)
{
    private const double ExactCopyShare = 0.02;
    private const double NearDuplicateShare = 0.05;

    private readonly DocumentReservoir originals = new(random, profile.ReservoirCapacity);

    public GeneratedDocument Next(string id)
    {
        double draw = random.NextDouble();
        if (originals.IsEmpty || draw >= ExactCopyShare + NearDuplicateShare)
        {
            var document = profile.Distinct(id);
            originals.Offer(document);
            return document;
        }

        var original = originals.Pick();
        return draw < ExactCopyShare
            ? new GeneratedDocument(id, original.Text, $"copy of {original.Id}", DocumentKind.ExactCopy)
            : new GeneratedDocument(id, profile.NearDuplicate(original.Text), $"near-duplicate of {original.Id}", DocumentKind.NearDuplicate);
    }
}
