using System.Net.Mail;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Members;

/// <summary>The member form: a person and their seat in one council. Which fields count depends on <see cref="Kind"/>.</summary>
public sealed class MembershipInput
{
    public const int NameMax = 200;
    public const int EmailMax = 320;
    public const int OrganisationMax = 200;
    public const int TitleMax = 200;

    public MembershipKind Kind { get; set; } = MembershipKind.Member;
    public string Name { get; set; } = "";
    public string? Email { get; set; }

    /// <summary>Members and substitutes: the organisation they represent.</summary>
    public string? Organisation { get; set; }

    /// <summary>Administration staff: their job title.</summary>
    public string? Title { get; set; }

    public DateTime? TermStart { get; set; }
    public DateTime? TermEnd { get; set; }
    public bool IsChair { get; set; }
    public bool IsViceChair { get; set; }

    public bool IsAdministration => Kind == MembershipKind.Administration;

    /// <summary>The rules, shared by the form (shown next to each field) and the service (enforced).</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        InputRules.Required(errors, nameof(Name), Name);
        InputRules.MaxLength(errors, nameof(Name), Name?.Trim(), NameMax);
        InputRules.MaxLength(errors, nameof(Email), Email?.Trim(), EmailMax);
        if (!string.IsNullOrWhiteSpace(Email) && !IsEmailAddress(Email.Trim()))
        {
            errors.Add(new(nameof(Email), "Validation.InvalidEmail"));
        }
        InputRules.MaxLength(errors, nameof(Organisation), Organisation?.Trim(), OrganisationMax);
        InputRules.MaxLength(errors, nameof(Title), Title?.Trim(), TitleMax);
        if (TermStart is not null && TermEnd is not null && TermEnd.Value.Date < TermStart.Value.Date)
        {
            errors.Add(new(nameof(TermEnd), "Validation.TermEndBeforeStart"));
        }
        if (Kind == MembershipKind.Member && IsChair && IsViceChair)
        {
            errors.Add(new(nameof(IsViceChair), "Validation.ChairAndViceChair"));
        }
        return errors;
    }

    /// <summary>A plain address ("navn@kommune.dk"): no display name, and a domain with a dot.</summary>
    public static bool IsEmailAddress(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');
}
