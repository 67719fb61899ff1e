using Microsoft.AspNetCore.Components;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Agenda;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Features.Remarks;

namespace Workspace.Web.Features.Meetings;

/// <summary>Which of an agenda card's texts a fragment holds: those before the item's material, after it, or all.</summary>
public enum AgendaItemTextPart
{
    All,
    Intro,
    Outcome,
}

/// <summary>
/// The read-only parts of an agenda card as shared HTML (<see cref="StaticHtml"/>): its heading and facts
/// (<see cref="AgendaItemLead"/>), its texts (<see cref="AgendaItemTexts"/>) and its buttons' labels
/// (<see cref="ButtonLabel"/>). Every open meeting page then keeps one markup frame for each instead of a render tree.
/// </summary>
public sealed class AgendaCardHtml(StaticHtml html)
{
    /// <summary>The item as these fragments show it: what they do not show is left out, so it does not split the cache.</summary>
    public static AgendaItemView Shown(AgendaItemView item) => item with
    {
        Remarks = Array.Empty<RemarkView>(),
        Links = Array.Empty<ItemLinkView>(),
        Attachments = Array.Empty<AttachmentView>(),
        ConcurrencyStamp = Guid.Empty,
    };

    public ValueTask<MarkupString> LeadAsync(AgendaItemView shown, TimeSlot? time, DateTimeOffset meetingEndsAt, bool wrapped) =>
        html.RenderAsync<AgendaItemLead>((shown, time, meetingEndsAt, wrapped), new Dictionary<string, object?>
        {
            [nameof(AgendaItemLead.Item)] = shown,
            [nameof(AgendaItemLead.Time)] = time,
            [nameof(AgendaItemLead.MeetingEndsAt)] = meetingEndsAt,
            [nameof(AgendaItemLead.Wrapped)] = wrapped,
        });

    public ValueTask<MarkupString> TextsAsync(AgendaItemView shown, AgendaItemTextPart part) =>
        html.RenderAsync<AgendaItemTexts>((shown, part), new Dictionary<string, object?>
        {
            [nameof(AgendaItemTexts.Item)] = shown,
            [nameof(AgendaItemTexts.Part)] = part,
        });

    /// <summary>A remark as everyone reads it, for a viewer with nothing to do with it.</summary>
    public ValueTask<MarkupString> RemarkAsync(RemarkView remark)
    {
        var shown = remark with { IsMine = false, ConcurrencyStamp = Guid.Empty };
        return html.RenderAsync<RemarkText>(shown, new Dictionary<string, object?> { [nameof(RemarkText.Remark)] = shown });
    }

    /// <summary>A small text button's label (icon and text) as MudButton renders it.</summary>
    public ValueTask<MarkupString> ButtonLabelAsync(string icon, string text) =>
        html.RenderAsync<ButtonLabel>((icon, text), new Dictionary<string, object?>
        {
            [nameof(ButtonLabel.Icon)] = icon,
            [nameof(ButtonLabel.Text)] = text,
        });
}
