using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.FollowUps;

/// <summary>The create and edit form of a follow-up.</summary>
public sealed class FollowUpInput
{
    public string Text { get; set; } = "";
    public FollowUpOwnerKind OwnerKind { get; set; } = FollowUpOwnerKind.Person;
    public Guid? OwnerPersonId { get; set; }
    public string? OwnerName { get; set; }
    public FollowUpDueKind DueKind { get; set; } = FollowUpDueKind.NextMeeting;

    /// <summary>A day (MudDatePicker gives a DateTime at midnight).</summary>
    public DateTime? DueDate { get; set; }

    public FollowUpOrigin Origin { get; set; } = FollowUpOrigin.Item;
    public Guid? RemarkId { get; set; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        InputRules.Required(errors, nameof(Text), Text);
        InputRules.MaxLength(errors, nameof(Text), Text, FollowUp.MaxTextLength);
        switch (OwnerKind)
        {
            case FollowUpOwnerKind.Person when OwnerPersonId is null:
                errors.Add(new(nameof(OwnerPersonId), "FollowUps.Validation.OwnerRequired"));
                break;
            case FollowUpOwnerKind.Outsider:
                InputRules.Required(errors, nameof(OwnerName), OwnerName);
                InputRules.MaxLength(errors, nameof(OwnerName), OwnerName, FollowUp.MaxOwnerNameLength);
                break;
        }
        if (DueKind == FollowUpDueKind.Date && DueDate is null)
        {
            errors.Add(new(nameof(DueDate), "FollowUps.Validation.DueDateRequired"));
        }
        return errors;
    }

    public static FollowUpInput From(FollowUpView view) => new()
    {
        Text = view.Text,
        OwnerKind = view.OwnerKind,
        OwnerPersonId = view.OwnerPersonId,
        OwnerName = view.OwnerKind == FollowUpOwnerKind.Outsider ? view.OwnerName : null,
        DueKind = view.DueKind,
        DueDate = view.DueKind == FollowUpDueKind.Date ? view.Due.Date?.ToDateTime(TimeOnly.MinValue) : null,
        Origin = view.Origin,
    };
}

/// <summary>The status form: a new status, and the short report when it ends.</summary>
public sealed class FollowUpStatusInput
{
    public FollowUpStatus Status { get; set; }
    public string? Report { get; set; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (FollowUpDue.IsEnded(Status) && string.IsNullOrWhiteSpace(Report))
        {
            errors.Add(new(nameof(Report), "FollowUps.Validation.ReportRequired"));
        }
        InputRules.MaxLength(errors, nameof(Report), Report, FollowUp.MaxReportLength);
        return errors;
    }
}
