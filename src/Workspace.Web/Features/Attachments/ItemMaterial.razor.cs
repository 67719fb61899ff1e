using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;

namespace Workspace.Web.Features.Attachments;

/// <summary>
/// Shows an item's links and files to everyone who reads the item, and lets the administration upload files and add
/// links. A refused upload only writes its error under the upload button: nothing typed anywhere is touched.
/// </summary>
public partial class ItemMaterial
{
    private const int MaxFilesAtOnce = 10;

    private readonly List<string> _uploadErrors = [];
    private LinkInput _link = new();
    private bool _linkFormOpen;
    private bool _savingLink;
    private bool _uploading;
    private string _uploadingName = "";
    private int _percent;
    private int _uploadGeneration;
    private string? _failure;

    /// <summary>The agenda item whose links and attachments are shown.</summary>
    [Parameter, EditorRequired]
    public AgendaItemView Item { get; set; } = default!;

    /// <summary>Whether the viewer is the council's administration (the server checks again on every change).</summary>
    [Parameter]
    public bool CanManage { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private AttachmentService Attachments { get; set; } = default!;

    [Inject]
    private FormErrors LinkErrors { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private bool HasMaterial => Item.Attachments.Count > 0 || Item.Links.Count > 0;

    /// <summary>A break has nothing to attach; its controls would only be noise.</summary>
    private bool ShowsManageControls => CanManage && Item.Kind != AgendaItemKind.Break;

    private string HintId => $"upload-hint-{Item.Id:N}";

    private async Task UploadAsync(IReadOnlyList<IBrowserFile>? files)
    {
        if (files is null || files.Count == 0 || _uploading)
        {
            return;
        }
        _uploadErrors.Clear();
        _failure = null;
        _uploading = true;
        try
        {
            var user = await UserAsync();
            foreach (var file in files)
            {
                await UploadOneAsync(user, file);
            }
        }
        finally
        {
            _uploading = false;
            // A new file input, so that picking the same file again after an error starts a new upload.
            _uploadGeneration++;
        }
    }

    private async Task UploadOneAsync(WorkspaceUser user, IBrowserFile file)
    {
        // Checked before a byte is read: a 500 MB file is refused at once, not after it has crossed the network.
        var precheck = Attachments.Precheck(file.Name, file.Size);
        if (precheck.Count > 0)
        {
            AddUploadErrors(file.Name, precheck);
            return;
        }
        _uploadingName = file.Name;
        _percent = 0;
        StateHasChanged();
        try
        {
            await using var content = new ProgressReadStream(file.OpenReadStream(Attachments.MaxUploadBytes), read => ShowProgress(read, file.Size));
            await Attachments.UploadAsync(user, Item.Id, file.Name, file.Size, content);
        }
        catch (InputValidationException ex)
        {
            AddUploadErrors(file.Name, ex.Errors);
        }
        catch (Exception ex) when (ex is AccessDeniedException or NotFoundException)
        {
            _uploadErrors.Add(L["Material.FileError", file.Name, L["Material.NotAllowed"]]);
        }
        catch (IOException)
        {
            // The browser stopped sending (the tab closed, the connection dropped, the file changed on disk).
            _uploadErrors.Add(L["Material.FileError", file.Name, L["Material.UploadFailed"]]);
        }
    }

    private void ShowProgress(long read, long size)
    {
        var percent = size <= 0 ? 100 : (int)Math.Min(100, read * 100 / size);
        if (percent != _percent)
        {
            _percent = percent;
            // Reads may run on a pool thread (Stream.CopyToAsync does not keep the circuit's context).
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private void AddUploadErrors(string fileName, IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            _uploadErrors.Add(L["Material.FileError", FileNames.Sanitize(fileName), Message(error)]);
        }
    }

    private string Message(FieldError error) => error.MessageKey == AttachmentService.TooLargeKey
        ? L[error.MessageKey, FileSizeText.Format(Attachments.MaxUploadBytes)]
        : L[error.MessageKey];

    private void OpenLinkForm() => _linkFormOpen = true;

    /// <summary>Closing keeps what was typed: opening the form again shows it.</summary>
    private void CloseLinkForm()
    {
        _linkFormOpen = false;
        LinkErrors.Clear();
    }

    private async Task AddLinkAsync()
    {
        _failure = null;
        LinkErrors.Set(_link.Validate());
        if (LinkErrors.Any)
        {
            return;
        }
        _savingLink = true;
        try
        {
            await Attachments.AddLinkAsync(await UserAsync(), Item.Id, _link);
            _link = new LinkInput();
            _linkFormOpen = false;
        }
        catch (InputValidationException ex)
        {
            LinkErrors.Set(ex.Errors);
            if (ex.Errors.FirstOrDefault(e => e.Field is not (nameof(LinkInput.Title) or nameof(LinkInput.Url))) is { } other)
            {
                _failure = L[other.MessageKey];
            }
        }
        catch (Exception ex) when (ex is AccessDeniedException or NotFoundException)
        {
            _failure = L["Material.NotAllowed"];
        }
        finally
        {
            _savingLink = false;
        }
    }

    private Task DeleteAttachmentAsync(AttachmentView attachment) =>
        DeleteAsync(L["Material.DeleteAttachmentConfirm", attachment.FileName], user => Attachments.DeleteAttachmentAsync(user, attachment.Id));

    private Task RemoveLinkAsync(ItemLinkView link) =>
        DeleteAsync(L["Material.DeleteLinkConfirm", link.Title], user => Attachments.RemoveLinkAsync(user, link.Id));

    private async Task DeleteAsync(string question, Func<WorkspaceUser, Task> delete)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Material.DeleteTitle"], question, yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }
        _failure = null;
        try
        {
            await delete(await UserAsync());
        }
        catch (InputValidationException ex)
        {
            _failure = L[ex.Errors[0].MessageKey];
        }
        catch (Exception ex) when (ex is AccessDeniedException or NotFoundException)
        {
            _failure = L["Material.NotAllowed"];
        }
    }

    private string KindText(FileKind kind) => kind switch
    {
        FileKind.Pdf => L["Material.KindPdf"],
        FileKind.Word => L["Material.KindWord"],
        _ => L["Material.KindImage"],
    };

    private static string IconOf(FileKind kind) => kind switch
    {
        FileKind.Pdf => Icons.Material.Filled.PictureAsPdf,
        FileKind.Word => Icons.Material.Filled.Description,
        _ => Icons.Material.Filled.Image,
    };

    /// <summary>Links are checked when saved; this keeps a javascript: address out of an href even if one got in some other way.</summary>
    private static string? SafeHref(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    private async Task<WorkspaceUser> UserAsync() => WorkspaceUser.From((await AuthenticationState).User);
}
