namespace Workspace.Web.Collaboration.CoEditing;

/// <summary>
/// One step of a <see cref="TextOperation"/>: keep <c>n</c> characters, insert a string, or delete <c>n</c> characters.
/// Lengths count UTF-16 code units, as JavaScript strings and .NET strings both do. In JSON a retain is a positive
/// number, an insert a string and a delete a negative number: <c>[5, "abc", -3]</c>.
/// </summary>
public readonly struct OpComponent : IEquatable<OpComponent>
{
    // Positive: retain; negative: delete; ignored when _text is set (insert).
    private readonly int _count;
    private readonly string? _text;

    private OpComponent(int count, string? text)
    {
        _count = count;
        _text = text;
    }

    public static OpComponent Retain(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new(length, null);
    }

    public static OpComponent Insert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(0, text);
    }

    public static OpComponent Delete(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new(-length, null);
    }

    public bool IsRetain => _text is null && _count > 0;
    public bool IsInsert => _text is not null;
    public bool IsDelete => _text is null && _count < 0;

    /// <summary>A zero-length component (retain 0, delete 0 or insert ""); dropped by normalisation.</summary>
    public bool IsEmpty => _text is null ? _count == 0 : _text.Length == 0;

    /// <summary>Characters kept, inserted or deleted.</summary>
    public int Length => _text?.Length ?? Math.Abs(_count);

    /// <summary>The inserted text; empty for retains and deletes.</summary>
    public string Text => _text ?? "";

    public bool Equals(OpComponent other) => _count == other._count && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is OpComponent other && Equals(other);

    public override int GetHashCode() => _text is null ? _count : StringComparer.Ordinal.GetHashCode(_text);

    public static bool operator ==(OpComponent left, OpComponent right) => left.Equals(right);

    public static bool operator !=(OpComponent left, OpComponent right) => !left.Equals(right);

    public override string ToString() => IsInsert ? $"\"{_text}\"" : _count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
