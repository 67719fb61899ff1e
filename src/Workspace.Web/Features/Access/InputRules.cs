namespace Workspace.Web.Features.Access;

/// <summary>Small validation rules; errors carry resource keys so the UI shows them in the user's language.</summary>
public static class InputRules
{
    public const string RequiredKey = "Validation.Required";

    public static void Required(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, RequiredKey));
        }
    }

    public static void MaxLength(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(field, "Validation.TooLong"));
        }
    }

    public static void HttpLink(List<FieldError> errors, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)
            && !(Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add(new(field, "Validation.InvalidLink"));
        }
    }

    public static void ThrowIfInvalid(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
    }

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
