using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Planning;

/// <summary>The administration's editing of a council's standard agenda (standarddagsorden).</summary>
public sealed class AgendaTemplateService(IDbContextFactory<WorkspaceDbContext> dbFactory, CouncilAccess access)
{
    /// <summary>The template in meeting order; a council without one gets the default first.</summary>
    public async Task<AgendaTemplateView> GetAsync(WorkspaceUser user, Guid councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (await access.RightsInAsync(db, user, councilId, ct)).EnsureCanManage();
        var name = await db.Councils.Where(c => c.Id == councilId).Select(c => c.Name).SingleAsync(ct);
        var items = await AgendaTemplates.EnsureAsync(db, councilId, ct);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveAsAsync(user, ct);
        }
        var position = 0;
        return new AgendaTemplateView(councilId, name, items
            .Select(i => ToView(i, i.Layout == AgendaItemLayout.Numbered ? (++position).ToString(System.Globalization.CultureInfo.InvariantCulture) : ""))
            .ToList());
    }

    /// <summary>Adds an item last among the ordinary items, or last among those placed at the end.</summary>
    public async Task<Guid> AddAsync(WorkspaceUser user, Guid councilId, TemplateItemInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input.Validate());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (await access.RightsInAsync(db, user, councilId, ct)).EnsureCanManage();
        var items = await AgendaTemplates.EnsureAsync(db, councilId, ct);
        var item = new AgendaTemplateItem { CouncilId = councilId, Title = input.Title.Trim(), Number = int.MaxValue };
        Apply(input, item);
        db.AgendaTemplateItems.Add(item);
        AgendaTemplates.Renumber([.. items, item]);
        await db.SaveAsAsync(user, ct);
        return item.Id;
    }

    /// <summary>
    /// Changes an item. One that moves into the end group goes first there, one that leaves it goes last among the
    /// ordinary items: the least surprising place, next to where it stood.
    /// </summary>
    public async Task UpdateAsync(WorkspaceUser user, Guid itemId, TemplateItemInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input.Validate());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (item, items) = await ManagedItemAsync(db, user, itemId, ct);
        if (item.AtEnd != input.AtEnd)
        {
            item.Number = input.AtEnd ? 0 : int.MaxValue;
        }
        item.Title = input.Title.Trim();
        Apply(input, item);
        AgendaTemplates.Renumber(items);
        await db.SaveAsAsync(user, ct);
    }

    /// <summary>Deletes an item; the last one stays, because an empty template would be refilled with the default.</summary>
    public async Task DeleteAsync(WorkspaceUser user, Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (item, items) = await ManagedItemAsync(db, user, itemId, ct);
        if (items.Count == 1)
        {
            throw new InputValidationException([new FieldError("Items", "Template.KeepOne")]);
        }
        db.AgendaTemplateItems.Remove(item);
        AgendaTemplates.Renumber(items.Where(i => i != item));
        await db.SaveAsAsync(user, ct);
    }

    /// <summary>Swaps an item with its neighbour above or below in the same group; at the group's edge nothing changes.</summary>
    public async Task MoveAsync(WorkspaceUser user, Guid itemId, bool up, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (item, items) = await ManagedItemAsync(db, user, itemId, ct);
        var index = items.IndexOf(item);
        var other = index + (up ? -1 : 1);
        if (other < 0 || other >= items.Count || items[other].AtEnd != item.AtEnd)
        {
            return;
        }
        (items[index].Number, items[other].Number) = (items[other].Number, items[index].Number);
        AgendaTemplates.Renumber(items);
        await db.SaveAsAsync(user, ct);
    }

    private async Task<(AgendaTemplateItem Item, List<AgendaTemplateItem> Items)> ManagedItemAsync(
        WorkspaceDbContext db, WorkspaceUser user, Guid itemId, CancellationToken ct)
    {
        var councilId = await db.AgendaTemplateItems.Where(t => t.Id == itemId).Select(t => (Guid?)t.CouncilId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        (await access.RightsInAsync(db, user, councilId, ct)).EnsureCanManage();
        var items = await AgendaTemplates.EnsureAsync(db, councilId, ct);
        return (items.Single(i => i.Id == itemId), items);
    }

    /// <summary>A heading takes no time and has no kind of its own; a pause is a break; only an item approves minutes.</summary>
    private static void Apply(TemplateItemInput input, AgendaTemplateItem item)
    {
        item.Layout = input.Layout;
        item.Kind = input.Layout switch
        {
            AgendaItemLayout.Section => AgendaItemKind.Information,
            AgendaItemLayout.Pause => AgendaItemKind.Break,
            _ => input.Kind,
        };
        item.AllottedMinutes = input.Layout == AgendaItemLayout.Section ? null : input.AllottedMinutes;
        item.AtEnd = input.AtEnd;
        item.ApprovesMinutes = input.Layout == AgendaItemLayout.Numbered && input.ApprovesMinutes;
    }

    private static TemplateItemView ToView(AgendaTemplateItem item, string shownNumber) =>
        new(item.Id, item.Number, item.Title, item.Kind, item.AllottedMinutes, item.AtEnd, item.Layout, item.ApprovesMinutes, shownNumber);
}
