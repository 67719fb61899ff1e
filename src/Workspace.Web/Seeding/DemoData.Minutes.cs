using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Minutes;

namespace Workspace.Web.Seeding;

/// <summary>
/// #15 minutes: a meeting three months back (hybrid, with notes, a withdrawn item and a closed item) whose minutes were
/// approved under the held meeting's "Godkendelse af referat" item, so the public pages, the Word export and the
/// versions have something to show right after <c>dotnet run</c>. The held meeting's own minutes are left for the
/// secretary to generate and circulate.
/// </summary>
public sealed partial class DemoData
{
    private Meeting? _meetingWithApprovedMinutes;
    private AgendaItem? _minutesApprovalItem;
    private (Meeting Meeting, Person[] Approved)? _minutesByMembers;

    /// <summary>
    /// Handicaprådet approves its minutes by each member's "Godkend": last year's minutes are circulated, Ole Brandt and
    /// Preben Nørgaard have approved, and the chair Hanne Winther's "Godkend" locks them (and publishes them).
    /// </summary>
    private void MinutesApprovedByMembers(Meeting meeting, Person[] approved) => _minutesByMembers = (meeting, approved);

    private void MeetingWithApprovedMinutes(Council council, DateTime today, AgendaItem approvalItem,
        Person gitte, Person mia, Person poul, Person anton, Person danny, Person iben, Person thomas, Person[] othersPresent)
    {
        var meeting = Meeting(council, today.AddDays(-98), MeetingStatus.Closed);
        meeting.OnlineLink = "https://moede.boegeby.example/udsatteraadet";
        meeting.Notes = "Mødet blev holdt både i mødelokalet og online.";
        // Anton is not on the list (he came late and was not registered): the attendance tests count his run of absences.
        foreach (var present in othersPresent.Append(gitte).Append(mia).Append(poul))
        {
            Attend(meeting, present, AttendanceRole.Member, PresenceStatus.Present);
        }
        Attend(meeting, danny, AttendanceRole.Member, PresenceStatus.Apologies, InvitationResponse.Apologies, "Arbejde");
        Attend(meeting, iben, AttendanceRole.Administration, PresenceStatus.Present);
        Attend(meeting, thomas, AttendanceRole.Administration, PresenceStatus.Present);
        meeting.MinuteTaker = iben;

        var item = Item(meeting, 1, "Godkendelse af dagsorden", AgendaItemKind.Decision, 5, "Gitte Holmgaard");
        item.Decision = "Dagsordenen blev godkendt.";
        item.Status = AgendaItemStatus.Handled;
        item = Item(meeting, 2, "Orientering om natcaféernes åbningstider i vinterhalvåret", AgendaItemKind.Information, 20, "Thomas Lindberg, områdeleder");
        item.Background = "Forvaltningen orienterer om, hvordan kommunens to natcaféer holder åbent fra november til marts.";
        item.Decision = "Rådet tog orienteringen til efterretning.";
        item.Status = AgendaItemStatus.Handled;
        Written(item, ItemText.Minutes,
            (iben, meeting.StartsAt.AddMinutes(25), "Thomas Lindberg orienterede om åbningstiderne. Natcaféerne holder åbent alle ugens dage fra kl. 22."));
        Remark(item, mia, "Det er vigtigt, at åbningstiderne står på kommunens hjemmeside og ved herbergerne.", 0);
        Remark(item, poul, "Rådet vil gerne høre om erfaringerne efter vinteren.", 1);
        item = Item(meeting, 3, "Oplæg fra gadeplansteamet", AgendaItemKind.Information, 20, "Gadeplansteamet");
        item.Status = AgendaItemStatus.Withdrawn;
        item.StatusNote = "Udgår, da oplægsholderen havde meldt afbud.";
        item = Item(meeting, 4, ClosedDemoItemTitle, AgendaItemKind.Decision, 10, "Iben Sørensen, sekretær");
        item.IsClosed = true;
        item.Background = ClosedDemoItemBackground;
        item.Decision = ClosedDemoItemDecision;
        item.Status = AgendaItemStatus.Handled;
        Remark(item, anton, ClosedDemoItemRemark, 0);
        item = Item(meeting, 5, "Eventuelt", AgendaItemKind.Discussion, 10, null);
        item.Decision = "Intet.";
        item.Status = AgendaItemStatus.Handled;

        // The held meeting's "Godkendelse af referat" approved these minutes.
        ApprovesMinutes(approvalItem, meeting);
        _meetingWithApprovedMinutes = meeting;
        _minutesApprovalItem = approvalItem;
    }

    public const string ClosedDemoItemTitle = "Ansøgning om støtte til depositum fra en navngiven borger";
    public const string ClosedDemoItemBackground = "Borgeren Ebbe Korsholm søger rådets anbefaling til støtte til depositum på en lejlighed på Havnevej.";
    public const string ClosedDemoItemDecision = "Rådet anbefaler ansøgningen om støtte til depositum for Ebbe Korsholm.";
    public const string ClosedDemoItemRemark = "Ebbe Korsholm har været i kontakt med herberget i et halvt år.";

    /// <summary>After the save (the document is generated from the stored meeting): the approved minutes as version 1.</summary>
    private async Task SeedApprovedMinutesAsync(WorkspaceDbContext db, CancellationToken ct)
    {
        if (_meetingWithApprovedMinutes is not { } meeting || _minutesApprovalItem is not { } approvalItem)
        {
            return;
        }
        var approvedAt = approvalItem.Meeting!.EndsAt;
        var document = await new MinutesGenerator().GenerateAsync(db, meeting.Id, ct);
        var minutes = new MeetingMinutes
        {
            MeetingId = meeting.Id,
            Status = MinutesStatus.Approved,
            CreatedAt = meeting.EndsAt,
            CirculatedAt = meeting.EndsAt.AddDays(2),
            CommentDeadline = meeting.EndsAt.AddDays(9),
            ApprovedAt = approvedAt,
            ApprovedUnderItemId = approvalItem.Id,
        };
        minutes.Versions.Add(new MinutesVersion
        {
            Number = 1,
            CreatedAt = approvedAt,
            DocumentJson = System.Text.Json.JsonSerializer.Serialize(document, MinutesService.Json),
        });
        db.Set<MeetingMinutes>().Add(minutes);
        if (_minutesByMembers is var (byMembersMeeting, approvers))
        {
            var circulated = new MeetingMinutes
            {
                MeetingId = byMembersMeeting.Id,
                Status = MinutesStatus.InCirculation,
                ApprovalByMembers = true,
                CreatedAt = byMembersMeeting.EndsAt,
                CirculatedAt = byMembersMeeting.EndsAt.AddDays(1),
                CommentDeadline = byMembersMeeting.EndsAt.AddDays(8),
            };
            circulated.Approvals.AddRange(approvers.Select((p, i) => new MinutesApproval { PersonId = p.Id, ApprovedAt = byMembersMeeting.EndsAt.AddDays(2 + i) }));
            db.Set<MeetingMinutes>().Add(circulated);
        }
        await db.SaveChangesAsync(ct);
    }
}
