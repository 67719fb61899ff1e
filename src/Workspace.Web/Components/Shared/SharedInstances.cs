using Microsoft.Extensions.Caching.Memory;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// One instance of equal immutable records (with value equality) for every circuit that reads them: each open meeting
/// page reads the agenda, the follow-ups and the attendance from the database, and would otherwise keep its own copy of
/// every title, text and name for as long as the tab is open (decision 008). Up to a limit, least recently used dropped first.
/// </summary>
public static class SharedInstances
{
    private const long MaxEntries = 50_000;

    private static readonly MemoryCache Kept = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>The kept instance equal to <paramref name="value"/>, or <paramref name="value"/> kept from now on.</summary>
    public static T Of<T>(T value) where T : class
    {
        if (Kept.TryGetValue(value, out T? kept) && kept is not null)
        {
            return kept;
        }
        Kept.Set(value, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return value;
    }

    /// <summary>The list with each item replaced by its kept instance.</summary>
    public static ValueList<T> Each<T>(IEnumerable<T> values) where T : class => values.Select(Of).ToValueList();
}
