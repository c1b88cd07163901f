using System.Text;

namespace Dedup.Bench;

/// <summary>
/// The real documents of a source corpus (devmix by default, 32 MB: held in memory, unlike the generated
/// corpus), and a sample of their words for insertions and substitutions.
/// </summary>
public sealed class SourcePool
{
    // Every 16th word of devmix is about 300k words: enough variety, a few MB.
    private const int VocabularyStride = 16;

    private SourcePool(IReadOnlyList<PoolDocument> documents, IReadOnlyList<string> vocabulary)
    {
        Documents = documents;
        Vocabulary = vocabulary;
    }

    public IReadOnlyList<PoolDocument> Documents { get; }

    /// <summary>Words in their natural frequencies (common words common), so edits read like the source's language.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    public static SourcePool Load(string corpus)
    {
        var documents = new List<PoolDocument>();
        var vocabulary = new List<string>();
        long words = 0;
        foreach (var record in SourceRecords.Read(corpus))
        {
            string text = Encoding.UTF8.GetString(record.Text);
            documents.Add(new PoolDocument(text, record.Src));
            foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (words++ % VocabularyStride == 0)
                {
                    vocabulary.Add(word);
                }
            }
        }

        if (vocabulary.Count == 0)
        {
            throw new BenchFailureException($"{corpus}: no records with text to generate from. Point --source at a corpus of JSONL or Parquet shards with a 'text' field.");
        }

        return new SourcePool(documents, vocabulary);
    }
}
