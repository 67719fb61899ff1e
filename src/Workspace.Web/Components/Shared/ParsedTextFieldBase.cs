using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Workspace.Web.Resources;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// A text field for a value people type in their own way (a date, a time). What was typed stays in the field until it
/// is understood; a refusal or a missing required value is said next to the field, once the field was left or saved.
/// </summary>
public abstract class ParsedTextFieldBase<T> : ComponentBase where T : struct
{
    [Inject]
    private IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    /// <summary>The understood value; null while the field is empty or not understood.</summary>
    [Parameter]
    public T? Value { get; set; }

    [Parameter]
    public EventCallback<T?> ValueChanged { get; set; }

    /// <summary>True while the text is not understood, so that a form can refuse to save an optional field.</summary>
    [Parameter]
    public bool Invalid { get; set; }

    [Parameter]
    public EventCallback<bool> InvalidChanged { get; set; }

    [Parameter, EditorRequired]
    public string Label { get; set; } = "";

    /// <summary>An empty field is an error once it was left.</summary>
    [Parameter]
    public bool Required { get; set; }

    /// <summary>An error found by the form or the server (e.g. an end before the start), shown when the text itself is fine.</summary>
    [Parameter]
    public string? ErrorText { get; set; }

    [Parameter]
    public string? HelperText { get; set; }

    [Parameter]
    public bool AutoFocus { get; set; }

    /// <summary>Attributes for the input element, e.g. data-testid; never null, since MudBlazor's input reads them as it starts.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public Dictionary<string, object> InputAttributes { get; set; } = [];

    protected string Text { get; private set; } = "";

    /// <summary>The text field in the markup, to show the understood value the Danish way in place of what was typed.</summary>
    protected MudBlazor.MudTextField<string>? Field { get; set; }

    private T? _shownValue;
    private string? _ownErrorKey;
    private bool _initialized;

    protected abstract string Format(T value);

    protected abstract bool TryParse(string text, out T value);

    protected abstract string FormatErrorKey { get; }

    /// <summary>The hint shown under the field while there is no error.</summary>
    protected abstract string DefaultHelperKey { get; }

    protected string? ShownError => _ownErrorKey is not null ? Localizer[_ownErrorKey].Value : ErrorText;

    protected bool HasError => ShownError is not null;

    protected string ShownHelper => HelperText ?? Localizer[DefaultHelperKey].Value;

    protected override void OnParametersSet()
    {
        // A value set from outside (opening a form, a date picked elsewhere) replaces the text; our own echo does not.
        if (!_initialized || !Nullable.Equals(Value, _shownValue))
        {
            _initialized = true;
            _shownValue = Value;
            if (Value is { } value)
            {
                Text = Format(value);
                _ownErrorKey = null;
            }
            else if (_ownErrorKey is null)
            {
                Text = "";
            }
        }
    }

    protected async Task OnTextChangedAsync(string? text)
    {
        Text = text ?? "";
        T? parsed = null;
        if (string.IsNullOrWhiteSpace(Text))
        {
            _ownErrorKey = Required ? Workspace.Web.Features.Access.InputRules.RequiredKey : null;
        }
        else if (TryParse(Text, out var value))
        {
            parsed = value;
            _ownErrorKey = null;
            var shown = Format(value);
            if (shown != Text)
            {
                Text = shown;
                // The parameter alone would not reach the input when the value it held before was the same ("16.00" -> "kl. 16" -> "16.00").
                if (Field is not null)
                {
                    await Field.SetTextAsync(shown);
                }
            }
        }
        else
        {
            _ownErrorKey = FormatErrorKey;
        }
        await PublishAsync(parsed, _ownErrorKey == FormatErrorKey);
    }

    /// <summary>Leaving an empty required field says it is required; an untouched form says nothing.</summary>
    protected void OnBlur()
    {
        if (Required && string.IsNullOrWhiteSpace(Text))
        {
            _ownErrorKey = Workspace.Web.Features.Access.InputRules.RequiredKey;
        }
    }

    private async Task PublishAsync(T? value, bool invalid)
    {
        _shownValue = value;
        if (!Nullable.Equals(value, Value))
        {
            await ValueChanged.InvokeAsync(value);
        }
        if (invalid != Invalid)
        {
            await InvalidChanged.InvokeAsync(invalid);
        }
    }
}
