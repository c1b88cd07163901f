namespace Dedup.Bench;

/// <summary>
/// The <c>long</c> profile of <c>generate</c> (the default): whole real documents, some spliced with
/// another or with shuffled lines, with 2-20% of their words edited; near-duplicates with 0.3-1.2%.
/// </summary>
public sealed class LongDocumentProfile(SourcePool pool, Random random) : IDocumentProfile
{
    private const double SpliceShare = 0.2;
    private const double ShuffleShare = 0.3;

    // A word edit changes the up to 5 shingles (5-grams) that cover it. At 2-20% of the words, 10-65% of a
    // document's shingles change, so two documents made from the same real one stay below a Jaccard
    // similarity of 0.8. At 0.3-1.2% (at least one edit) a near-duplicate of a document of a hundred words
    // or more stays above it, while one edit in a short document can take it below: dedup run at 0.8 finds
    // about 80% of the near-duplicates, all the copies and next to none of the distinct documents.
    private const double DistinctEditMin = 0.02;
    private const double DistinctEditMax = 0.20;
    private const double NearEditMin = 0.003;
    private const double NearEditMax = 0.012;

    public int ReservoirCapacity => 4096;

    private readonly TextPerturber perturber = new(random, pool.Vocabulary);

    public GeneratedDocument Distinct(string id)
    {
        var source = RandomSource();
        string text = source.Text;
        string src = source.Src;
        if (random.Chance(SpliceShare))
        {
            var other = RandomSource();
            text = perturber.Splice(text, other.Text);
            src = $"{src}+{other.Src}";
        }

        if (random.Chance(ShuffleShare))
        {
            text = perturber.ShuffleLines(text);
        }

        text = perturber.EditWords(text, random.Between(DistinctEditMin, DistinctEditMax));
        return new GeneratedDocument(id, text, src, DocumentKind.Distinct);
    }

    public string NearDuplicate(string text)
    {
        text = perturber.EditWords(text, random.Between(NearEditMin, NearEditMax));
        return random.Chance(0.5) ? perturber.Reflow(text) : text;
    }

    private PoolDocument RandomSource() => pool.Documents[random.Next(pool.Documents.Count)];
}
