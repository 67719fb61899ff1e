using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Attachments;

/// <summary>A link on an agenda item, in its order.</summary>
public sealed record ItemLinkView(Guid Id, string Title, string Url, int Number);

/// <summary>A file attached to an agenda item; its bytes are fetched from <c>/attachments/{Id}</c>.</summary>
public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt)
{
    public FileKind Kind => FileTypes.KindOf(ContentType);

    public string DownloadUrl => $"/attachments/{Id}";
}

/// <summary>An attachment opened for download; dispose it to close the stream.</summary>
public sealed record AttachmentDownload(string FileName, string ContentType, long Size, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

public sealed class LinkInput
{
    public const int TitleMax = 300;
    public const int UrlMax = 2000;

    public string Title { get; set; } = "";

    public string Url { get; set; } = "";

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        InputRules.Required(errors, nameof(Title), Title);
        InputRules.MaxLength(errors, nameof(Title), Title?.Trim(), TitleMax);
        InputRules.Required(errors, nameof(Url), Url);
        InputRules.HttpLink(errors, nameof(Url), Url);
        InputRules.MaxLength(errors, nameof(Url), Url?.Trim(), UrlMax);
        return errors;
    }
}
