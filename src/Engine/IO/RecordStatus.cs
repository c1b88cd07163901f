namespace Dedup.Engine.IO;

/// <summary>What a reader made of one row. Only <see cref="Ok"/> and <see cref="Repaired"/> rows have text.</summary>
public enum RecordStatus
{
    Ok,

    /// <summary>The row had invalid UTF-8 (or an unpaired \u surrogate escape) that was replaced by U+FFFD; the text is usable.</summary>
    Repaired,

    /// <summary>JSONL only: an empty or whitespace-only line.</summary>
    BlankLine,

    /// <summary>JSONL only: the line is not a JSON object.</summary>
    InvalidJson,

    /// <summary>A text field is absent (JSONL) or null (Parquet).</summary>
    MissingText,

    /// <summary>JSONL only: a text field is null, a number, a boolean, an object or an array.</summary>
    TextNotString,

    /// <summary>The text is the empty string (every text field, when there are several).</summary>
    EmptyText,

    /// <summary>
    /// The record (a JSONL line, or a Parquet row's text) is longer than <see cref="ReaderOptions.MaxRecordBytes"/>:
    /// it is not held in memory whole, and not signed; the filter copies it as it is.
    /// </summary>
    TooLarge,
}
