using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.RoomScreen;

/// <summary>A meeting's display links as the administration sees them, newest first, with the default expiry for a new one.</summary>
public sealed record DisplayLinksOverview(Guid MeetingId, DateTimeOffset DefaultExpiresAt, bool CanIssue, IReadOnlyList<DisplayLinkView> Links);

public sealed record DisplayLinkView(Guid Id, string Label, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt, bool ShowClosedItems, bool IsActive);

/// <summary>A link just issued: the token is shown once and never stored.</summary>
public sealed record IssuedDisplayLink(DisplayLinkView Link, string Token)
{
    public string Path => $"/display/{Token}";
}

/// <summary>What a valid display link lets its device see, and until when.</summary>
public sealed record DisplayGrant(Guid LinkId, Guid MeetingId, bool ShowClosedItems, DateTimeOffset ExpiresAt);

public sealed class DisplayLinkInput
{
    public string Label { get; set; } = "";

    public DateTimeOffset? ExpiresAt { get; set; }

    public bool ShowClosedItems { get; set; }

    public IReadOnlyList<FieldError> Validate(DateTimeOffset now, TimeSpan longestLife)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Label))
        {
            errors.Add(new FieldError(nameof(Label), "DisplayLink.LabelRequired"));
        }
        else if (Label.Trim().Length > Data.Entities.DisplayLink.LabelMax)
        {
            errors.Add(new FieldError(nameof(Label), "DisplayLink.LabelTooLong"));
        }
        if (ExpiresAt is not { } expires)
        {
            errors.Add(new FieldError(nameof(ExpiresAt), "DisplayLink.ExpiresRequired"));
        }
        else if (expires <= now)
        {
            errors.Add(new FieldError(nameof(ExpiresAt), "DisplayLink.ExpiresInPast"));
        }
        else if (expires > now + longestLife)
        {
            errors.Add(new FieldError(nameof(ExpiresAt), "DisplayLink.ExpiresTooLate"));
        }
        return errors;
    }
}
