namespace Dedup.Engine.Evaluation;

/// <summary>A truth read from a file, to be matched with the run's documents once they are read.</summary>
internal interface ITruthSource
{
    /// <summary>Whether the id is in some duplicate relation, so its shingle set will be needed.</summary>
    bool Mentions(string id);

    /// <summary>The truth restricted to the corpus's documents, its pairs graded with the engine's shingles.</summary>
    EvaluatedTruth Build(RunCorpus corpus);
}
