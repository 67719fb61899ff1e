using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Remarks;

public sealed class RemarkInput
{
    public string Text { get; set; } = "";

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        InputRules.Required(errors, nameof(Text), Text);
        InputRules.MaxLength(errors, nameof(Text), Text, Remark.MaxLength);
        return errors;
    }
}
