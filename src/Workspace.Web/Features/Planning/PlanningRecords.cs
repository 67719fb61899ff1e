using Workspace.Data.Entities;
using Workspace.Web.Features.Councils;

namespace Workspace.Web.Features.Planning;

/// <summary>A council's standard agenda as the administration edits it, in meeting order.</summary>
public sealed record AgendaTemplateView(Guid CouncilId, string CouncilName, IReadOnlyList<TemplateItemView> Items);

public sealed record TemplateItemView(Guid Id, int Number, string Title, AgendaItemKind Kind, int? AllottedMinutes, bool AtEnd,
    AgendaItemLayout Layout = AgendaItemLayout.Numbered, bool ApprovesMinutes = false, string ShownNumber = "");

/// <summary>A council's meetings in one calendar year (Copenhagen time), every status, for the administration.</summary>
public sealed record AnnualPlanView(Guid CouncilId, string CouncilName, int Year, IReadOnlyList<MeetingSummary> Meetings)
{
    /// <summary>The days that already have a meeting that is not cancelled; a new plan may not use them.</summary>
    public IReadOnlySet<DateOnly> TakenDates(Func<DateTimeOffset, DateTime> toLocal) =>
        Meetings.Where(m => m.Status != MeetingStatus.Cancelled).Select(m => DateOnly.FromDateTime(toLocal(m.StartsAt))).ToHashSet();
}
