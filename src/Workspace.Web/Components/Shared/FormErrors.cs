using Microsoft.Extensions.Localization;
using Workspace.Web.Features.Access;
using Workspace.Web.Resources;

namespace Workspace.Web.Components.Shared;

/// <summary>The validation errors of one form, shown next to their fields in the user's language.</summary>
public sealed class FormErrors(IStringLocalizer<SharedResource> localizer)
{
    private IReadOnlyList<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Set(IReadOnlyList<FieldError> errors) => _errors = errors;

    public void Clear() => _errors = [];

    public bool Has(string field) => _errors.Any(e => e.Field == field);

    public string? Text(string field) =>
        _errors.FirstOrDefault(e => e.Field == field) is { } error ? localizer[error.MessageKey].Value : null;
}
