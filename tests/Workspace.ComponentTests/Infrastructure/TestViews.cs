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
        IReadOnlyList<RemarkView>? remarks = null,
        AgendaItemStatus status = AgendaItemStatus.Planned,
        string? statusNote = null,
        Guid? parentId = null) =>
        new(
            Id: Guid.NewGuid(),
            ParentId: parentId,
            Number: number,
            Title: title,
            Presenter: presenter,
            PresenterPersonId: null,
            AllottedMinutes: minutes,
            Kind: kind,
            Background: background,
            Decision: null,
            Status: status,
            StatusNote: statusNote,
            IsClosed: isClosed,
            ChangedAfterPublishing: false,
            ConcurrencyStamp: Guid.NewGuid(),
            Remarks: remarks ?? [],
            Links: [],
            Attachments: []);
}
