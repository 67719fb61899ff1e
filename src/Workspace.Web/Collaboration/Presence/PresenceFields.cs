namespace Workspace.Web.Collaboration.Presence;

/// <summary>The fields whose typing is shown to others.</summary>
public static class PresenceFields
{
    public const string Remark = "remark";
    public const string Background = "background";
    public const string Decision = "decision";
    public const string Minutes = "minutes";
}
