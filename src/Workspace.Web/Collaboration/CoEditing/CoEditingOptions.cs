namespace Workspace.Web.Collaboration.CoEditing;

/// <summary>Limits of co-edited texts; configuration section <c>CoEditing</c>.</summary>
public sealed class CoEditingOptions
{
    public const string Section = "CoEditing";

    /// <summary>Longest text, in UTF-16 code units (500 000 is about 200 pages).</summary>
    public int MaxTextLength { get; set; } = 500_000;

    /// <summary>Most characters one operation may insert (a large paste arrives as one operation).</summary>
    public int MaxOperationLength { get; set; } = 1_000_000;

    /// <summary>Every this many revisions the whole text is stored with the operation, so older texts are quick to rebuild.</summary>
    public int CheckpointInterval { get; set; } = 100;

    /// <summary>How often a submission is tried again when another node took the revision meanwhile.</summary>
    public int MaxAttempts { get; set; } = 30;

    /// <summary>How many characters of texts a node keeps in memory.</summary>
    public long CacheSizeLimit { get; set; } = 50_000_000;
}
