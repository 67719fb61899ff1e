using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Workspace.Web.Collaboration;

namespace Workspace.UnitTests.Collaboration;

/// <summary>
/// A page re-renders in the thread that raised the change. The notifier must hand the change over in the culture the page
/// subscribed with, or a Danish page shows "Thursday den 26. November" after an English reader's edit or a bus message.
/// </summary>
public sealed class MeetingNotifierCultureTests
{
    private static readonly Guid Meeting = Guid.NewGuid();

    [Fact]
    public async Task A_change_published_in_another_culture_reaches_the_subscriber_in_its_own_culture()
    {
        var bus = new HandDeliveredBus();
        using var notifier = new MeetingNotifier(bus, NullLogger<MeetingNotifier>.Instance);
        var seen = new TaskCompletionSource<(string Culture, string UiCulture)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (InCulture("da-DK"))
        {
            using var subscription = notifier.Subscribe(Meeting, _ =>
            {
                seen.TrySetResult((CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name));
                return Task.CompletedTask;
            });
            using (InCulture("en-US"))
            {
                notifier.Publish(new MeetingChange(Meeting, MeetingChangeKind.RemarkAdded, null, null, null));
            }
            Assert.Equal(("da-DK", "da-DK"), await seen.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task A_change_from_another_node_and_a_resync_reach_the_subscriber_in_its_own_culture()
    {
        var bus = new HandDeliveredBus();
        using var notifier = new MeetingNotifier(bus, NullLogger<MeetingNotifier>.Instance);
        var seen = new List<(MeetingChangeKind Kind, string Culture)>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = InCulture("en-GB");
        using var subscription = notifier.Subscribe(Meeting, change =>
        {
            lock (seen)
            {
                seen.Add((change.Kind, CultureInfo.CurrentCulture.Name));
                if (seen.Count == 2)
                {
                    both.TrySetResult();
                }
            }
            return Task.CompletedTask;
        });

        // The bus and its reconnect event run on threads of their own, with no culture of the page's.
        await Task.Run(() =>
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            bus.Deliver(new MeetingChange(Meeting, MeetingChangeKind.AgendaChanged, null, null, null));
            bus.RaiseReconnected();
        }, TestContext.Current.CancellationToken);
        await both.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.Equal([(MeetingChangeKind.AgendaChanged, "en-GB"), (MeetingChangeKind.Resync, "en-GB")], seen.OrderBy(s => s.Kind));
    }

    private static CultureScope InCulture(string name) => new(CultureInfo.GetCultureInfo(name));

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture) => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
    }

    /// <summary>A bus whose messages "from other nodes" the test delivers by hand.</summary>
    private sealed class HandDeliveredBus : IClusterBus
    {
        private Action<MeetingChange>? _handler;

        public string NodeId => "test";

        public event Action? Reconnected;

        public void Publish<T>(string topic, T message)
        {
        }

        public IDisposable Subscribe<T>(string topic, Action<T> handler)
        {
            _handler = change => handler((T)(object)change);
            return new Unsubscribe(() => _handler = null);
        }

        public void Deliver(MeetingChange change) => _handler?.Invoke(change);

        public void RaiseReconnected() => Reconnected?.Invoke();

        private sealed class Unsubscribe(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}
