namespace Dedup.Engine.Inspection;

/// <summary>One member of an inspected cluster, compared with the kept document.</summary>
/// <param name="Jaccard">Exact Jaccard similarity of its shingle set to the kept one's.</param>
/// <param name="Diff">Compact word diff against the kept document; empty for the kept one.</param>
public sealed record InspectedMember(string Id, bool Kept, int Bytes, int Tokens, double Jaccard, string Diff);
