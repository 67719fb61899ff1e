using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workspace.Web.Collaboration.CoEditing;

/// <summary>Which of two concurrent inserts at the same position goes first.</summary>
public enum TransformSide
{
    /// <summary>The transformed operation's insert goes before the other's.</summary>
    Left,

    /// <summary>The transformed operation's insert goes after the other's.</summary>
    Right,
}

/// <summary>
/// An edit of a plain text as a list of components (keep, insert, delete), in the form of ShareDB's text type:
/// the components walk the text from its start; characters after the last component are kept. Offsets count
/// UTF-16 code units, as in JavaScript. Instances are immutable and always normalised: no empty components,
/// adjacent components of one kind merged, an insert next to a delete placed first, and no trailing keep.
/// The same functions exist in <c>wwwroot/js/coedit/ot.js</c>; <c>tests/vectors/ot-vectors.json</c> checks that
/// both give the same results.
/// </summary>
[JsonConverter(typeof(TextOperationJsonConverter))]
public sealed class TextOperation : IEquatable<TextOperation>
{
    private readonly OpComponent[] _components;

    private TextOperation(OpComponent[] components)
    {
        _components = components;
        // Counts are summed in long: an untrusted operation may keep and delete 2147483647 each, which no text fits.
        foreach (var component in components)
        {
            if (component.IsInsert)
            {
                InsertedLength = checked(InsertedLength + component.Length);
            }
            else
            {
                BaseLength += component.Length;
                if (component.IsDelete)
                {
                    DeletedLength += component.Length;
                }
            }
        }
    }

    /// <summary>The operation that changes nothing.</summary>
    public static TextOperation Empty { get; } = new([]);

    public ReadOnlySpan<OpComponent> Components => _components;

    /// <summary>How many characters the text must have at least: the kept and deleted ones (more than any text in a malformed one).</summary>
    public long BaseLength { get; }

    public int InsertedLength { get; }

    public long DeletedLength { get; }

    public bool IsEmpty => _components.Length == 0;

    /// <summary>Builds a normalised operation from any components (empty ones are dropped, neighbours merged).</summary>
    public static TextOperation Create(params ReadOnlySpan<OpComponent> components)
    {
        var builder = new Builder(components.Length);
        foreach (var component in components)
        {
            builder.Append(component);
        }
        return builder.Build();
    }

    public static TextOperation Insert(int position, string text) => Create(OpComponent.Retain(position), OpComponent.Insert(text));

    public static TextOperation Delete(int position, int length) => Create(OpComponent.Retain(position), OpComponent.Delete(length));

    /// <summary>The length of a text of <paramref name="length"/> characters after this operation.</summary>
    public long LengthAfter(int length) => length + InsertedLength - DeletedLength;

    /// <summary>Applies the operation; throws <see cref="InvalidTextOperationException"/> when it does not fit the text.</summary>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (BaseLength > text.Length)
        {
            throw new InvalidTextOperationException(CoEditingError.DoesNotFitText,
                $"The operation keeps or deletes {BaseLength} characters, but the text has only {text.Length}.");
        }
        if (_components.Length == 0)
        {
            return text;
        }
        return string.Create((int)LengthAfter(text.Length), (text, _components), static (target, state) =>
        {
            var (source, components) = state;
            var from = 0;
            var to = 0;
            foreach (var component in components)
            {
                if (component.IsRetain)
                {
                    source.AsSpan(from, component.Length).CopyTo(target[to..]);
                    from += component.Length;
                    to += component.Length;
                }
                else if (component.IsInsert)
                {
                    component.Text.AsSpan().CopyTo(target[to..]);
                    to += component.Length;
                }
                else
                {
                    from += component.Length;
                }
            }
            source.AsSpan(from).CopyTo(target[to..]);
        });
    }

    /// <summary>
    /// Checks an untrusted operation against the text it is about to change: it must fit, insert well-formed
    /// UTF-16 and not cut a surrogate pair (an emoji) in two, so that the text and the stored JSON stay the same text.
    /// </summary>
    public void EnsureFits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (BaseLength > text.Length)
        {
            throw new InvalidTextOperationException(CoEditingError.DoesNotFitText,
                $"The operation keeps or deletes {BaseLength} characters, but the text has only {text.Length}.");
        }
        var position = 0L;
        foreach (var component in _components)
        {
            if (SplitsPair(text, position))
            {
                throw new InvalidTextOperationException(CoEditingError.Malformed,
                    $"The operation cuts a surrogate pair in two at offset {position}.");
            }
            if (component.IsInsert)
            {
                if (HasLoneSurrogate(component.Text))
                {
                    throw new InvalidTextOperationException(CoEditingError.Malformed, "The operation inserts a lone surrogate.");
                }
            }
            else
            {
                position += component.Length;
            }
        }
        if (SplitsPair(text, position))
        {
            throw new InvalidTextOperationException(CoEditingError.Malformed,
                $"The operation cuts a surrogate pair in two at offset {position}.");
        }
    }

    /// <summary>True when <paramref name="text"/> has a surrogate that is not half of a pair.</summary>
    public static bool HasLoneSurrogate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool SplitsPair(string text, long position) =>
        position > 0 && position < text.Length && char.IsHighSurrogate(text[(int)position - 1]) && char.IsLowSurrogate(text[(int)position]);

    /// <summary>One operation with the effect of <paramref name="first"/> followed by <paramref name="second"/>.</summary>
    public static TextOperation Compose(TextOperation first, TextOperation second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var builder = new Builder(first._components.Length + second._components.Length);
        var taker = new Taker(first._components);
        foreach (var component in second._components)
        {
            if (component.IsRetain)
            {
                // Keeps what the first operation produced: its inserts and kept text, in pieces; its deletes stay.
                var length = component.Length;
                while (length > 0)
                {
                    var piece = taker.Take(length, Indivisible.Delete);
                    builder.Append(piece);
                    if (!piece.IsDelete)
                    {
                        length -= piece.Length;
                    }
                }
            }
            else if (component.IsInsert)
            {
                builder.Append(component);
            }
            else
            {
                var length = component.Length;
                while (length > 0)
                {
                    var piece = taker.Take(length, Indivisible.Delete);
                    if (piece.IsRetain)
                    {
                        builder.Append(OpComponent.Delete(piece.Length));
                        length -= piece.Length;
                    }
                    else if (piece.IsInsert)
                    {
                        // Inserted by the first, deleted by the second: gone.
                        length -= piece.Length;
                    }
                    else
                    {
                        builder.Append(piece);
                    }
                }
            }
        }
        while (taker.HasMore)
        {
            builder.Append(taker.Take(-1, Indivisible.None));
        }
        return builder.Build();
    }

    /// <summary>
    /// Rewrites <paramref name="operation"/> to apply after <paramref name="other"/>, both made on the same text:
    /// <c>Apply(Apply(s, other), Transform(operation, other, side)) == Apply(Apply(s, operation), Transform(other, operation, opposite side))</c>.
    /// Inserts inside a deleted range survive; <paramref name="side"/> orders two inserts at one position, so the
    /// two ends must pass opposite sides (the sequencer and the clients pass <see cref="TransformSide.Left"/> for the
    /// operation not yet sequenced).
    /// </summary>
    public static TextOperation Transform(TextOperation operation, TextOperation other, TransformSide side)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(other);
        var builder = new Builder(operation._components.Length + other._components.Length);
        var taker = new Taker(operation._components);
        foreach (var component in other._components)
        {
            if (component.IsRetain)
            {
                var length = component.Length;
                while (length > 0)
                {
                    var piece = taker.Take(length, Indivisible.Insert);
                    builder.Append(piece);
                    if (!piece.IsInsert)
                    {
                        length -= piece.Length;
                    }
                }
            }
            else if (component.IsInsert)
            {
                if (side == TransformSide.Left && taker.PeekIsInsert)
                {
                    builder.Append(taker.Take(-1, Indivisible.None));
                }
                builder.Append(OpComponent.Retain(component.Length));
            }
            else
            {
                var length = component.Length;
                while (length > 0)
                {
                    var piece = taker.Take(length, Indivisible.Insert);
                    if (piece.IsInsert)
                    {
                        builder.Append(piece);
                    }
                    else
                    {
                        // Kept or deleted by this operation, deleted by the other: nothing left to do.
                        length -= piece.Length;
                    }
                }
            }
        }
        while (taker.HasMore)
        {
            builder.Append(taker.Take(-1, Indivisible.None));
        }
        return builder.Build();
    }

    /// <summary>
    /// Where a caret at <paramref name="cursor"/> ends up after <paramref name="operation"/>. Text inserted before the
    /// caret moves it; deleted text around it pulls it back. Text inserted exactly at the caret moves it only when
    /// <paramref name="isOwnOperation"/> (the author typed it); others' text appears after a caret that stays.
    /// </summary>
    public static int TransformCursor(int cursor, TextOperation operation, bool isOwnOperation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var position = 0L;
        var result = cursor;
        foreach (var component in operation._components)
        {
            if (position > cursor)
            {
                break;
            }
            if (component.IsRetain)
            {
                position += component.Length;
            }
            else if (component.IsInsert)
            {
                if (position < cursor || isOwnOperation)
                {
                    result += component.Length;
                }
            }
            else
            {
                result -= (int)Math.Min(component.Length, cursor - position);
                position += component.Length;
            }
        }
        return result;
    }

    /// <summary>
    /// A selection after someone else's <paramref name="operation"/>: a collapsed one moves as a caret; otherwise text
    /// inserted at either edge stays outside the selection.
    /// </summary>
    public static (int Start, int End) TransformSelection(int start, int end, TextOperation operation)
    {
        if (start == end)
        {
            var caret = TransformCursor(start, operation, isOwnOperation: false);
            return (caret, caret);
        }
        var newStart = TransformCursor(start, operation, isOwnOperation: true);
        var newEnd = TransformCursor(end, operation, isOwnOperation: false);
        return (Math.Min(newStart, newEnd), newEnd);
    }

    /// <summary>
    /// The operation turning <paramref name="oldText"/> into <paramref name="newText"/> by one replaced range between
    /// their common start and end. <paramref name="caret"/> (the caret after the edit, when known) decides where a
    /// repeated character was typed or deleted ("aa" to "aaa"). Never splits a surrogate pair.
    /// </summary>
    public static TextOperation FromDiff(string oldText, string newText, int? caret = null)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return Empty;
        }
        var shorter = Math.Min(oldText.Length, newText.Length);
        var maxSuffix = shorter;
        if (caret is { } at)
        {
            // The text after the caret is what the edit left alone.
            maxSuffix = Math.Min(maxSuffix, newText.Length - Math.Clamp(at, 0, newText.Length));
        }
        var suffix = 0;
        while (suffix < maxSuffix && oldText[oldText.Length - 1 - suffix] == newText[newText.Length - 1 - suffix])
        {
            suffix++;
        }
        var prefix = oldText.AsSpan(0, shorter - suffix).CommonPrefixLength(newText.AsSpan(0, shorter - suffix));
        if (prefix > 0 && char.IsHighSurrogate(newText[prefix - 1]))
        {
            prefix--;
        }
        if (suffix > 0 && char.IsLowSurrogate(newText[newText.Length - suffix]))
        {
            suffix--;
        }
        return Create(
            OpComponent.Retain(prefix),
            OpComponent.Insert(newText[prefix..(newText.Length - suffix)]),
            OpComponent.Delete(oldText.Length - suffix - prefix));
    }

    /// <summary>The compact JSON form shared with ot.js: <c>[5, "abc", -3]</c>.</summary>
    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 + InsertedLength);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = TextOperationJsonConverter.Encoder }))
        {
            WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads the compact JSON form; throws <see cref="InvalidTextOperationException"/> (Malformed) if it is not one.</summary>
    public static TextOperation Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read())
            {
                throw new JsonException("Empty JSON.");
            }
            var operation = ReadFrom(ref reader);
            if (reader.Read())
            {
                throw new JsonException("Text after the operation.");
            }
            return operation;
        }
        catch (JsonException ex)
        {
            throw new InvalidTextOperationException(CoEditingError.Malformed, $"Not a text operation: {ex.Message}");
        }
    }

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var component in _components)
        {
            if (component.IsInsert)
            {
                writer.WriteStringValue(component.Text);
            }
            else
            {
                writer.WriteNumberValue(component.IsDelete ? -component.Length : component.Length);
            }
        }
        writer.WriteEndArray();
    }

    /// <summary>Reads an array whose start token is current; leaves the reader on its end token.</summary>
    internal static TextOperation ReadFrom(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A text operation is a JSON array of numbers and strings.");
        }
        var builder = new Builder(4);
        while (true)
        {
            if (!reader.Read())
            {
                throw new JsonException("The array is not closed.");
            }
            switch (reader.TokenType)
            {
                case JsonTokenType.EndArray:
                    return builder.Build();
                case JsonTokenType.Number:
                    if (!reader.TryGetInt32(out var count) || count == int.MinValue)
                    {
                        throw new JsonException("A retain or delete must be a whole number of at most 2147483647.");
                    }
                    builder.Append(count >= 0 ? OpComponent.Retain(count) : OpComponent.Delete(-count));
                    break;
                case JsonTokenType.String:
                    string text;
                    try
                    {
                        text = reader.GetString()!;
                    }
                    catch (InvalidOperationException ex)
                    {
                        // A lone surrogate escaped as \ud83d: not text that can be stored and sent on.
                        throw new JsonException(ex.Message, ex);
                    }
                    builder.Append(OpComponent.Insert(text));
                    break;
                default:
                    throw new JsonException($"Unexpected {reader.TokenType} in a text operation; only numbers and strings are allowed.");
            }
        }
    }

    public bool Equals(TextOperation? other) =>
        other is not null && _components.AsSpan().SequenceEqual(other._components);

    public override bool Equals(object? obj) => Equals(obj as TextOperation);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var component in _components)
        {
            hash.Add(component);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => ToJson();

    private enum Indivisible
    {
        None,
        Insert,
        Delete,
    }

    /// <summary>Reads an operation's components in pieces of a wanted length; past the end it keeps text.</summary>
    private ref struct Taker(ReadOnlySpan<OpComponent> components)
    {
        private readonly ReadOnlySpan<OpComponent> _components = components;
        private int _index;
        private int _offset;

        public readonly bool HasMore => _index < _components.Length;

        public readonly bool PeekIsInsert => _index < _components.Length && _components[_index].IsInsert;

        /// <summary>
        /// The next piece of at most <paramref name="length"/> characters (-1: the whole rest of the component);
        /// components of the <paramref name="indivisible"/> kind come whole. Past the end: a retain of the length.
        /// </summary>
        public OpComponent Take(int length, Indivisible indivisible)
        {
            if (_index == _components.Length)
            {
                return OpComponent.Retain(Math.Max(length, 0));
            }
            var component = _components[_index];
            var remaining = component.Length - _offset;
            var whole = length < 0 || remaining <= length
                || (indivisible == Indivisible.Insert && component.IsInsert)
                || (indivisible == Indivisible.Delete && component.IsDelete);
            var size = whole ? remaining : length;
            OpComponent piece;
            if (component.IsInsert)
            {
                piece = OpComponent.Insert(_offset == 0 && whole ? component.Text : component.Text.Substring(_offset, size));
            }
            else
            {
                piece = component.IsRetain ? OpComponent.Retain(size) : OpComponent.Delete(size);
            }
            if (whole)
            {
                _index++;
                _offset = 0;
            }
            else
            {
                _offset += size;
            }
            return piece;
        }
    }

    /// <summary>Appends components in normal form.</summary>
    internal sealed class Builder(int capacity)
    {
        private readonly List<OpComponent> _components = new(capacity);

        public void Append(OpComponent component)
        {
            if (component.IsEmpty)
            {
                return;
            }
            var count = _components.Count;
            if (count == 0)
            {
                _components.Add(component);
                return;
            }
            var last = _components[count - 1];
            if (component.IsInsert && last.IsDelete)
            {
                // Insert-then-delete and delete-then-insert do the same; the insert goes first so equal edits look equal.
                if (count >= 2 && _components[count - 2].IsInsert)
                {
                    _components[count - 2] = OpComponent.Insert(string.Concat(_components[count - 2].Text, component.Text));
                }
                else
                {
                    _components.Insert(count - 1, component);
                }
            }
            else if (component.IsInsert && last.IsInsert)
            {
                _components[count - 1] = OpComponent.Insert(string.Concat(last.Text, component.Text));
            }
            else if (component.IsRetain && last.IsRetain && FitsOneCount(last, component))
            {
                _components[count - 1] = OpComponent.Retain(last.Length + component.Length);
            }
            else if (component.IsDelete && last.IsDelete && FitsOneCount(last, component))
            {
                _components[count - 1] = OpComponent.Delete(last.Length + component.Length);
            }
            else
            {
                _components.Add(component);
            }
        }

        // Two counts that overflow one stay two components: only an operation longer than any text has them, and it
        // must get as far as EnsureFits, which refuses it, instead of failing wherever it happens to be built.
        private static bool FitsOneCount(OpComponent last, OpComponent component) =>
            (long)last.Length + component.Length <= int.MaxValue;

        public TextOperation Build()
        {
            var count = _components.Count;
            if (count > 0 && _components[count - 1].IsRetain)
            {
                count--;
            }
            return count == 0 ? Empty : new TextOperation(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_components)[..count].ToArray());
        }
    }
}

/// <summary>Reads and writes <see cref="TextOperation"/> in its compact JSON form (also in SignalR messages).</summary>
public sealed class TextOperationJsonConverter : JsonConverter<TextOperation>
{
    // Danish letters stay readable in the stored log; the JSON is never written into HTML.
    internal static readonly System.Text.Encodings.Web.JavaScriptEncoder Encoder =
        System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public override TextOperation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TextOperation.ReadFrom(ref reader);

    public override void Write(Utf8JsonWriter writer, TextOperation value, JsonSerializerOptions options) =>
        value.WriteTo(writer);
}
