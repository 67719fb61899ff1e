namespace Workspace.Web.Features.Access;

/// <summary>The user may not do this; pages show "no access", the API answers 403.</summary>
public sealed class AccessDeniedException(string message = "Access denied.") : Exception(message);

/// <summary>The thing does not exist, or the user may not know it exists; the API answers 404.</summary>
public sealed class NotFoundException(string message = "Not found.") : Exception(message);

/// <summary>Someone else changed the row since it was read; the API answers 409.</summary>
public sealed class ConcurrencyConflictException(string message = "Changed by someone else.") : Exception(message);

/// <summary>Input that breaks a rule; each error names a field and a resource key for its Danish text.</summary>
public sealed class InputValidationException(IReadOnlyList<FieldError> errors) : Exception("Invalid input.")
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

/// <summary>One validation error: the field it belongs to and the resource key of its message.</summary>
public sealed record FieldError(string Field, string MessageKey);
