namespace Workspace.Web.Collaboration.Presence;

/// <summary>The fields whose typing is shown to others.</summary>
public static class PresenceFields
{
    public const string Remark = "remark";
    public const string Background = "background";
    public const string Decision = "decision";
    public const string Minutes = "minutes";

    /// <summary>The only field names presence accepts: anything else would be handed to everyone on the meeting.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Remark, Background, Decision, Minutes };
}
