using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Meetings;

/// <summary>A field someone else changed while this user changed it too: their value is shown, nothing is overwritten.</summary>
public sealed record FieldConflict(string Field, string? TheirValue);

/// <summary>Two people edited the same field of an item at once; the later save is refused for those fields only.</summary>
public sealed class EditConflictException(IReadOnlyList<FieldConflict> conflicts, AgendaItemInput merged, AgendaItemInput current) : Exception("Edit conflict")
{
    public IReadOnlyList<FieldConflict> Conflicts { get; } = conflicts;

    /// <summary>The user's changes on top of the stored item: their text in the conflicting fields, the colleague's elsewhere.</summary>
    public AgendaItemInput Merged { get; } = merged;

    /// <summary>The item as stored now: the form's new starting point, so saving again keeps the user's text knowingly.</summary>
    public AgendaItemInput Current { get; } = current;
}

/// <summary>
/// Three-way merge of an item form, field by field: the values the form was opened with, what the user
/// typed, and what is stored now. Fields only one side changed are merged; a field both changed to
/// different values is a conflict. So a secretary editing the title never undoes a colleague's new minutes.
/// </summary>
public static class ItemFieldMerge
{
    private sealed record Field(string Name, Func<AgendaItemInput, object?> Get, Action<AgendaItemInput, AgendaItemInput> Copy);

    private static readonly Field[] Fields =
    [
        new(nameof(AgendaItemInput.Title), i => Text(i.Title), (to, from) => to.Title = from.Title),
        new(nameof(AgendaItemInput.Presenter), i => (Text(i.Presenter), i.PresenterPersonId), (to, from) => (to.Presenter, to.PresenterPersonId) = (from.Presenter, from.PresenterPersonId)),
        new(nameof(AgendaItemInput.AllottedMinutes), i => i.AllottedMinutes, (to, from) => to.AllottedMinutes = from.AllottedMinutes),
        new(nameof(AgendaItemInput.Kind), i => i.Kind, (to, from) => to.Kind = from.Kind),
        new(nameof(AgendaItemInput.Background), i => Text(i.Background), (to, from) => to.Background = from.Background),
        new(nameof(AgendaItemInput.Decision), i => Text(i.Decision), (to, from) => to.Decision = from.Decision),
        new(nameof(AgendaItemInput.IsClosed), i => i.IsClosed, (to, from) => to.IsClosed = from.IsClosed),
    ];

    public static (AgendaItemInput Merged, IReadOnlyList<FieldConflict> Conflicts) Merge(AgendaItemInput original, AgendaItemInput mine, AgendaItemInput current)
    {
        var merged = new AgendaItemInput();
        var conflicts = new List<FieldConflict>();
        foreach (var field in Fields)
        {
            var (baseValue, myValue, theirValue) = (field.Get(original), field.Get(mine), field.Get(current));
            var iChanged = !Equals(myValue, baseValue);
            var theyChanged = !Equals(theirValue, baseValue);
            if (iChanged && theyChanged && !Equals(myValue, theirValue))
            {
                conflicts.Add(new FieldConflict(field.Name, Describe(field, current)));
            }
            field.Copy(merged, iChanged ? mine : current);
        }
        return (merged, conflicts);
    }

    private static string? Text(string? value) => InputRules.Trimmed(value)?.ReplaceLineEndings("\n");

    /// <summary>Their text, to show next to the field; choices (kind, minutes) are shown by the form itself.</summary>
    private static string? Describe(Field field, AgendaItemInput current) => field.Get(current) switch
    {
        string text => text,
        ValueTuple<string?, Guid?> presenter => presenter.Item1,
        _ => null,
    };
}
