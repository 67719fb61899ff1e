using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Account;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.Members;

/// <summary>
/// The administration's work on a council's people: members (term, chair, vice chair), substitutes in order and
/// administration staff; invitations by email. Only the council's administration may do any of it.
/// </summary>
public sealed class MembershipService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    CouncilAccess access,
    IEmailSender emailSender,
    IStringLocalizer<SharedResource> localizer,
    IMeetingNotifier notifier,
    TimeProvider clock)
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public async Task<CouncilRoster> GetRosterAsync(WorkspaceUser user, Guid councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (await access.RightsInAsync(db, user, councilId, ct)).EnsureCanManage();
        var councilName = await db.Councils.Where(c => c.Id == councilId).Select(c => c.Name).SingleAsync(ct);
        var people = await db.Memberships.AsNoTracking()
            .Where(m => m.CouncilId == councilId)
            .Select(m => new RosterPerson(m.Id, m.PersonId, m.Kind, m.Person!.Name, m.Person.Email, m.Organisation, m.Title,
                m.TermStart, m.TermEnd, m.IsChair, m.IsViceChair, m.SubstituteOrder, m.Person.EntraObjectId != null, m.Person.InvitedAt,
                m.ConcurrencyStamp))
            .ToListAsync(ct);

        var byName = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: false);
        var members = people.Where(p => p.Kind == MembershipKind.Member)
            .OrderByDescending(p => p.IsChair).ThenByDescending(p => p.IsViceChair).ThenBy(p => p.Name, byName).ToList();
        var substitutes = people.Where(p => p.Kind == MembershipKind.Substitute)
            .OrderBy(p => p.SubstituteOrder ?? int.MaxValue).ThenBy(p => p.Name, byName).ToList();
        var administration = people.Where(p => p.Kind == MembershipKind.Administration).OrderBy(p => p.Name, byName).ToList();
        return new CouncilRoster(councilId, councilName, members, substitutes, administration);
    }

    /// <summary>
    /// Adds a person to the council. A person with the same email (any case) is reused, so one account is one person
    /// across councils; a second seat for the same person in the same council is refused.
    /// </summary>
    public async Task<Guid> AddAsync(WorkspaceUser user, Guid councilId, MembershipInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (await access.RightsInAsync(db, user, councilId, ct)).EnsureCanManage();
        InputRules.ThrowIfInvalid(input.Validate());

        var email = NormalizedEmail(input.Email);
        var person = email is null ? null : await db.People.FirstOrDefaultAsync(p => p.Email != null && p.Email.Trim().ToLower() == email, ct);
        if (person is not null && await db.Memberships.AnyAsync(m => m.CouncilId == councilId && m.PersonId == person.Id, ct))
        {
            throw new InputValidationException([new FieldError(nameof(MembershipInput.Email), "Validation.AlreadyInCouncil")]);
        }
        if (person is null)
        {
            person = new Person { Name = input.Name.Trim(), Email = email };
            db.People.Add(person);
        }

        var membership = new Membership { CouncilId = councilId, PersonId = person.Id, Kind = input.Kind };
        Apply(input, membership);
        if (membership.Kind == MembershipKind.Substitute)
        {
            var substitutes = await SubstitutesInOrderAsync(db, councilId, ct);
            Renumber(substitutes);
            membership.SubstituteOrder = substitutes.Count + 1;
        }
        await TakeChairMarksAsync(db, membership, ct);
        db.Memberships.Add(membership);
        await db.SaveAsAsync(user, ct);
        await TellMeetingsAccessChangedAsync(db, user, councilId, ct);
        return membership.Id;
    }

    /// <summary>Edits a seat and its person's name and email; a stale <paramref name="concurrencyStamp"/> is a conflict.</summary>
    public async Task UpdateAsync(WorkspaceUser user, Guid membershipId, MembershipInput input, Guid concurrencyStamp, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var membership = await ManagedMembershipAsync(db, user, membershipId, ct);
        // The kind of a seat is not edited: a member who becomes substitute gets a new seat.
        input.Kind = membership.Kind;
        InputRules.ThrowIfInvalid(input.Validate());

        var person = membership.Person!;
        var email = NormalizedEmail(input.Email);
        if (email is not null && await db.People.AnyAsync(p => p.Id != person.Id && p.Email != null && p.Email.Trim().ToLower() == email, ct))
        {
            throw new InputValidationException([new FieldError(nameof(MembershipInput.Email), "Validation.EmailInUse")]);
        }

        // The stamp is checked even when only the person's name or email changes.
        var stamp = db.Entry(membership).Property(m => m.ConcurrencyStamp);
        stamp.OriginalValue = concurrencyStamp;
        stamp.IsModified = true;
        person.Name = input.Name.Trim();
        person.Email = email;
        Apply(input, membership);
        await TakeChairMarksAsync(db, membership, ct);
        await db.SaveAsAsync(user, ct);
        await TellMeetingsAccessChangedAsync(db, user, membership.CouncilId, ct);
    }

    /// <summary>Moves a substitute one place up or down; the order stays 1..n. Returns the substitute's new number.</summary>
    public async Task<int> MoveSubstituteAsync(WorkspaceUser user, Guid membershipId, MoveDirection direction, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var membership = await ManagedMembershipAsync(db, user, membershipId, ct);
        if (membership.Kind != MembershipKind.Substitute)
        {
            throw new NotFoundException();
        }
        var substitutes = await SubstitutesInOrderAsync(db, membership.CouncilId, ct);
        var from = substitutes.FindIndex(s => s.Id == membershipId);
        var to = from + (int)direction;
        if (to >= 0 && to < substitutes.Count)
        {
            (substitutes[from], substitutes[to]) = (substitutes[to], substitutes[from]);
        }
        Renumber(substitutes);
        await db.SaveAsAsync(user, ct);
        return membership.SubstituteOrder!.Value;
    }

    /// <summary>
    /// Removes a seat; the person stays (attendance, remarks and calls refer to them). The last administration seat of a
    /// council cannot be removed, or nobody could manage it.
    /// </summary>
    public async Task RemoveAsync(WorkspaceUser user, Guid membershipId, Guid concurrencyStamp, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var membership = await ManagedMembershipAsync(db, user, membershipId, ct);
        if (membership.Kind == MembershipKind.Administration
            && await db.Memberships.CountAsync(m => m.CouncilId == membership.CouncilId && m.Kind == MembershipKind.Administration, ct) <= 1)
        {
            throw new InputValidationException([new FieldError("Membership", "Validation.LastAdministration")]);
        }
        db.Entry(membership).Property(m => m.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        db.Memberships.Remove(membership);
        if (membership.Kind == MembershipKind.Substitute)
        {
            var remaining = await SubstitutesInOrderAsync(db, membership.CouncilId, ct);
            Renumber(remaining.Where(s => s.Id != membershipId).ToList());
        }
        await db.SaveAsAsync(user, ct);
        await TellMeetingsAccessChangedAsync(db, user, membership.CouncilId, ct);
    }

    /// <summary>
    /// Who may read the council's meetings changed: open pages, hub connections and open texts check their rights again
    /// at once (a member whose seat ended loses the meeting and its texts there and then).
    /// </summary>
    private async Task TellMeetingsAccessChangedAsync(WorkspaceDbContext db, WorkspaceUser user, Guid councilId, CancellationToken ct)
    {
        var meetingIds = await db.Meetings.Where(m => m.CouncilId == councilId).Select(m => m.Id).ToListAsync(ct);
        foreach (var meetingId in meetingIds)
        {
            notifier.Publish(new MeetingChange(meetingId, MeetingChangeKind.AccessChanged, null, user.PersonId, user.Name));
        }
    }

    /// <summary>
    /// Emails a Danish invitation with the link to sign in (<paramref name="baseUri"/> is the app's address, e.g. from
    /// NavigationManager.BaseUri) and records when it was sent. The person is linked to their account at first sign-in.
    /// </summary>
    public async Task<DateTimeOffset> InviteAsync(WorkspaceUser user, Guid membershipId, string baseUri, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(baseUri, UriKind.Absolute, out var appUri) || (appUri.Scheme != Uri.UriSchemeHttps && appUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The app's base address must be an absolute http(s) address.", nameof(baseUri));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var membership = await ManagedMembershipAsync(db, user, membershipId, ct);
        var person = membership.Person!;
        if (string.IsNullOrWhiteSpace(person.Email))
        {
            throw new InputValidationException([new FieldError(nameof(MembershipInput.Email), "Validation.EmailRequiredForInvite")]);
        }
        var councilName = await db.Councils.Where(c => c.Id == membership.CouncilId).Select(c => c.Name).SingleAsync(ct);
        var inviterEmail = await db.People.Where(p => p.Id == user.PersonId).Select(p => p.Email).SingleOrDefaultAsync(ct);
        var signInLink = appUri.AbsoluteUri.TrimEnd('/') + "/account/signin";

        await emailSender.SendAsync(ComposeInvitation(person, councilName, user.Name, inviterEmail, signInLink), ct);
        person.InvitedAt = clock.GetUtcNow();
        await db.SaveAsAsync(user, ct);
        return person.InvitedAt.Value;
    }

    private EmailMessage ComposeInvitation(Person person, string councilName, string inviterName, string? inviterEmail, string signInLink)
    {
        // Invitations are written in Danish, whatever language the secretary has chosen for the screen.
        var screenCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Danish;
        try
        {
            var L = localizer;
            var body = string.Join("\n\n",
                L["Invitation.Greeting", person.Name].Value,
                L["Invitation.Body", inviterName, councilName].Value,
                L["Invitation.SignIn", person.Email!].Value + "\n" + signInLink,
                L["Invitation.FirstSignIn"].Value,
                L["Invitation.Regards"].Value + "\n" + inviterName);
            return new EmailMessage(person.Email!, person.Name, L["Invitation.Subject", councilName].Value, body + "\n", inviterEmail, inviterName);
        }
        finally
        {
            CultureInfo.CurrentUICulture = screenCulture;
        }
    }

    /// <summary>A seat (tracked, with its person) in a council the user manages; otherwise not found or access denied.</summary>
    private async Task<Membership> ManagedMembershipAsync(WorkspaceDbContext db, WorkspaceUser user, Guid membershipId, CancellationToken ct)
    {
        var membership = await db.Memberships.Include(m => m.Person).SingleOrDefaultAsync(m => m.Id == membershipId, ct)
            ?? throw new NotFoundException();
        (await access.RightsInAsync(db, user, membership.CouncilId, ct)).EnsureCanManage();
        return membership;
    }

    private static void Apply(MembershipInput input, Membership membership)
    {
        if (membership.Kind == MembershipKind.Administration)
        {
            membership.Title = InputRules.Trimmed(input.Title);
            return;
        }
        membership.Organisation = InputRules.Trimmed(input.Organisation);
        membership.TermStart = input.TermStart is { } start ? DateOnly.FromDateTime(start) : null;
        membership.TermEnd = input.TermEnd is { } end ? DateOnly.FromDateTime(end) : null;
        membership.IsChair = membership.Kind == MembershipKind.Member && input.IsChair;
        membership.IsViceChair = membership.Kind == MembershipKind.Member && input.IsViceChair;
    }

    /// <summary>A council has one chair and one vice chair: giving the mark to this seat takes it from the previous holder.</summary>
    private static async Task TakeChairMarksAsync(WorkspaceDbContext db, Membership membership, CancellationToken ct)
    {
        if (!membership.IsChair && !membership.IsViceChair)
        {
            return;
        }
        var holders = await db.Memberships
            .Where(m => m.CouncilId == membership.CouncilId && m.Id != membership.Id && (m.IsChair || m.IsViceChair))
            .ToListAsync(ct);
        foreach (var holder in holders)
        {
            holder.IsChair &= !membership.IsChair;
            holder.IsViceChair &= !membership.IsViceChair;
        }
    }

    private static async Task<List<Membership>> SubstitutesInOrderAsync(WorkspaceDbContext db, Guid councilId, CancellationToken ct)
    {
        var substitutes = await db.Memberships.Include(m => m.Person)
            .Where(m => m.CouncilId == councilId && m.Kind == MembershipKind.Substitute)
            .ToListAsync(ct);
        return substitutes
            .OrderBy(s => s.SubstituteOrder ?? int.MaxValue)
            .ThenBy(s => s.Person!.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: false))
            .ToList();
    }

    /// <summary>Numbers the substitutes 1..n in list order; only rows whose number changes are saved.</summary>
    private static void Renumber(List<Membership> substitutes)
    {
        for (var i = 0; i < substitutes.Count; i++)
        {
            if (substitutes[i].SubstituteOrder != i + 1)
            {
                substitutes[i].SubstituteOrder = i + 1;
            }
        }
    }

    private static string? NormalizedEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : PersonEmail.Normalize(email);
}
