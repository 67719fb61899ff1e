using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Councils;

namespace Workspace.Web.Features.Planning;

/// <summary>A council's meetings of one year, and planning the year's ordinary meetings at once.</summary>
public sealed class AnnualPlanService(IDbContextFactory<WorkspaceDbContext> dbFactory, CouncilAccess access, CopenhagenTime time)
{
    /// <summary>Every meeting of the council that starts in the year (Copenhagen time), drafts and cancelled ones included.</summary>
    public async Task<AnnualPlanView> GetAsync(WorkspaceUser user, Guid councilId, int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (await access.RightsInAsync(db, user, councilId, ct)).EnsureCanManage();
        if (year is < AnnualPlanInput.MinYear or > AnnualPlanInput.MaxYear)
        {
            throw new NotFoundException();
        }
        var name = await db.Councils.Where(c => c.Id == councilId).Select(c => c.Name).SingleAsync(ct);
        var meetings = await MeetingsOfYear(db, councilId, year)
            .OrderBy(m => m.StartsAt)
            .Select(CouncilService.ToSummary)
            .ToListAsync(ct);
        return new AnnualPlanView(councilId, name, year, meetings);
    }

    /// <summary>
    /// Creates one draft ordinary meeting per date, all or none, each with the standard agenda unless the secretary
    /// opted out. A date that already has a (not cancelled) meeting of the council is refused.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> CreateAsync(WorkspaceUser user, Guid councilId, AnnualPlanInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input.Validate());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (await access.RightsInAsync(db, user, councilId, ct)).EnsureCanManage();
        var starts = await MeetingsOfYear(db, councilId, input.Year)
            .Where(m => m.Status != MeetingStatus.Cancelled)
            .Select(m => m.StartsAt)
            .ToListAsync(ct);
        InputRules.ThrowIfInvalid(input.ValidateAgainst(starts.Select(s => DateOnly.FromDateTime(time.ToLocal(s))).ToHashSet()));

        List<AgendaTemplateItem> template = input.UseAgendaTemplate ? await AgendaTemplates.EnsureAsync(db, councilId, ct) : [];
        var ids = new List<Guid>();
        // The first new meeting approves the minutes of the last held one; each later one those of the meeting before it.
        Guid? minutesToApprove = null;
        foreach (var date in input.Dates.Order())
        {
            var day = date.ToDateTime(TimeOnly.MinValue);
            var meeting = new Meeting
            {
                CouncilId = councilId,
                Title = input.Title.Trim(),
                Kind = MeetingKind.Ordinary,
                Status = MeetingStatus.Draft,
                StartsAt = time.FromLocal(day, input.StartTime!.Value),
                EndsAt = time.FromLocal(day, input.EndTime!.Value),
                Place = InputRules.Trimmed(input.Place),
                OnlineLink = InputRules.Trimmed(input.OnlineLink),
            };
            minutesToApprove ??= await Agenda.AgendaService.PreviousHeldMeetingAsync(db, councilId, meeting.StartsAt, ct);
            AgendaTemplates.AddItemsTo(meeting, template, minutesToApprove);
            minutesToApprove = meeting.Id;
            db.Meetings.Add(meeting);
            ids.Add(meeting.Id);
        }
        await db.SaveAsAsync(user, ct);
        return ids;
    }

    private IQueryable<Meeting> MeetingsOfYear(WorkspaceDbContext db, Guid councilId, int year)
    {
        var from = time.FromLocal(new DateTime(year, 1, 1), TimeSpan.Zero);
        var to = time.FromLocal(new DateTime(year + 1, 1, 1), TimeSpan.Zero);
        return db.Meetings.AsNoTracking().Where(m => m.CouncilId == councilId && m.StartsAt >= from && m.StartsAt < to);
    }
}
