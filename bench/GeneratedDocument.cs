namespace Dedup.Bench;

/// <summary>One line of a generated corpus (id, text, src) and how it was made.</summary>
public sealed record GeneratedDocument(string Id, string Text, string Src, DocumentKind Kind);
