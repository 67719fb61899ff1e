using System.Collections;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// A read-only list that equals another with the same items in the same order. Records compare their list members with
/// <see cref="object.Equals(object)"/>, which for an ordinary list compares references: two reads of the same agenda
/// would never be equal, and every card would render again after every change. Records built from the database use
/// this list, so an unchanged part compares equal to what is already shown.
/// </summary>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    public ValueList(IEnumerable<T> items) => _items = items.ToArray();

    public static ValueList<T> Empty { get; } = new([]);

    public T this[int index] => _items[index];

    public int Count => _items.Length;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueList<T>? other) => other is not null && (ReferenceEquals(this, other) || _items.SequenceEqual(other._items));

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }
}

public static class ValueListExtensions
{
    /// <summary>The items as a value list; a value list already is one (it is read-only, so it is not copied).</summary>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => items as ValueList<T> ?? new(items);
}
