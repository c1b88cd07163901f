namespace Dedup.Engine.Lsh;

/// <summary>
/// The sections of a signature task's band files, each sorted and merged alike: one per band, then
/// the exact content hashes (documents with equal text), then the id hashes (documents whose ids
/// print alike, which clusters.jsonl and removed/ could not tell apart).
/// </summary>
public static class BandSections
{
    public static int Count(int bands) => bands + 2;

    public static int Exact(int bands) => bands;

    public static int Ids(int bands) => bands + 1;
}
