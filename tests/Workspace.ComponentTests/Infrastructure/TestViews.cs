using Workspace.Data.Entities;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Infrastructure;

/// <summary>Views built by hand for components that take them as parameters; the one place to follow changes to the records.</summary>
public static class TestViews
{
    public static AgendaItemView AgendaItem(
        string number,
        string title,
        AgendaItemKind kind = AgendaItemKind.Discussion,
        string? presenter = null,
        int? minutes = null,
        string? background = null,
        bool isClosed = false,
        IReadOnlyList<RemarkView>? remarks = null) =>
        new(
            Id: Guid.NewGuid(),
            ParentId: null,
            Number: number,
            Title: title,
            Presenter: presenter,
            AllottedMinutes: minutes,
            Kind: kind,
            Background: background,
            Decision: null,
            Status: AgendaItemStatus.Planned,
            StatusNote: null,
            IsClosed: isClosed,
            ChangedAfterPublishing: false,
            ConcurrencyStamp: Guid.NewGuid(),
            Remarks: remarks ?? [],
            Links: [],
            Attachments: []);
}
