namespace Workspace.Web.Features.Remarks;

/// <summary>The keys under which the browser keeps an unsaved remark (drafts.js): "remark:{item id}".</summary>
public static class RemarkDrafts
{
    public const string Prefix = "remark:";

    public static string Key(Guid agendaItemId) => Prefix + agendaItemId;

    /// <summary>The item a draft key belongs to, or null for a key that is not a remark draft.</summary>
    public static Guid? ItemOf(string key) =>
        key.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(key.AsSpan(Prefix.Length), out var id) ? id : null;
}
