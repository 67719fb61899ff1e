using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.TextHistory;

public partial class TextHistoryView
{
    [Inject]
    private TextHistoryService History { get; set; } = default!;

    [Inject]
    private CopenhagenTime Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The item whose text this is.</summary>
    [Parameter, EditorRequired]
    public Guid ItemId { get; set; }

    /// <summary>Which of the item's texts.</summary>
    [Parameter, EditorRequired]
    public ItemText Text { get; set; }

    /// <summary>The text's visible name ("Referat").</summary>
    [Parameter, EditorRequired]
    public string Label { get; set; } = "";

    private ItemTextHistory? _history;
    private TextComparison? _comparison;
    private long _from;
    private long _to;
    private bool _restoring;
    private string? _failure;
    private string? _announcement;

    private string FieldName => Text.ToString().ToLowerInvariant();

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task<WorkspaceUser> UserAsync() => WorkspaceUser.From((await AuthenticationState).User);

    private async Task LoadAsync()
    {
        try
        {
            _history = await History.HistoryAsync(await UserAsync(), ItemId, Text);
            if (_history.Versions.Count > 0)
            {
                var newest = _history.Versions[0];
                await CompareAsync(newest.RevisionBefore, newest.Revision);
            }
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
        {
            _failure = L["TextHistory.NotAllowed"];
        }
    }

    private bool IsShown(TextVersion version) => _comparison is not null && _to == version.Revision && _from == version.RevisionBefore;

    private Task ShowAsync(TextVersion version) => CompareAsync(version.RevisionBefore, version.Revision);

    private Task FromChanged(long from) => CompareAsync(from, _to);

    private Task ToChanged(long to) => CompareAsync(_from, to);

    private async Task CompareAsync(long from, long to)
    {
        (_from, _to) = (from, to);
        try
        {
            _comparison = await History.CompareAsync(await UserAsync(), ItemId, Text, from, to);
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
        {
            _failure = L["TextHistory.NotAllowed"];
        }
        catch (InputValidationException)
        {
            _failure = L["TextHistory.UnknownRevision"];
        }
    }

    private async Task RestoreAsync(TextVersion version)
    {
        _restoring = true;
        try
        {
            await History.RestoreAsync(await UserAsync(), ItemId, Text, version.Revision);
            _announcement = L["TextHistory.Restored", When(version), Who(version)];
            await LoadAsync();
        }
        catch (AccessDeniedException)
        {
            _announcement = L["TextHistory.RestoreRefused"];
            await LoadAsync();
        }
        catch (NotFoundException)
        {
            _failure = L["TextHistory.NotAllowed"];
        }
        catch (InputValidationException)
        {
            _failure = L["TextHistory.UnknownRevision"];
        }
        finally
        {
            _restoring = false;
        }
    }

    private string When(TextVersion version) => Clock.DateAndTime(version.EndedAt);

    private string Who(TextVersion version) => version.Kind == TextChangeKind.Initial
        ? L["TextHistory.InitialText"]
        : version.AuthorName ?? L["TextHistory.UnknownAuthor"];

    private string What(TextVersion version) => version.Kind == TextChangeKind.Restore && version.RestoredRevision is { } restored
        ? L["TextHistory.RestoredFrom", RestoredWhen(restored)]
        : L["TextHistory.Counts", version.InsertedLength, version.DeletedLength];

    private string RestoredWhen(long revision) =>
        _history?.Versions.FirstOrDefault(v => v.FirstRevision <= revision && revision <= v.Revision) is { } source
            ? Clock.DateAndTime(source.EndedAt)
            : revision.ToString(System.Globalization.CultureInfo.CurrentCulture);

    private string Choice(TextVersion version) => $"{When(version)} – {Who(version)}";
}
