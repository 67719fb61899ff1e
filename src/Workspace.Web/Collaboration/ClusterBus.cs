using System.Text.Json;
using StackExchange.Redis;

namespace Workspace.Web.Collaboration;

/// <summary>
/// Messages between the app's nodes (plain publish/subscribe). Handlers only see messages from other nodes:
/// a node delivers its own events locally first, so its users never wait for the bus or lose events when it is down.
/// </summary>
public interface IClusterBus
{
    /// <summary>This process's id, in every message it sends.</summary>
    string NodeId { get; }

    void Publish<T>(string topic, T message);

    IDisposable Subscribe<T>(string topic, Action<T> handler);

    /// <summary>Raised when the connection to the other nodes is back after an outage: what was missed must be reloaded.</summary>
    event Action? Reconnected;
}

/// <summary>One node alone (the embedded default): there is nobody to tell.</summary>
public sealed class SingleNodeBus : IClusterBus
{
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    public void Publish<T>(string topic, T message)
    {
    }

    public IDisposable Subscribe<T>(string topic, Action<T> handler) => NoSubscription.Instance;

    public event Action? Reconnected
    {
        add { }
        remove { }
    }

    private sealed class NoSubscription : IDisposable
    {
        public static readonly NoSubscription Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>
/// Redis publish/subscribe (StackExchange.Redis). Blazor's own circuits stay off Redis on purpose
/// (dotnet/aspnetcore #58971): when Redis is down, publishing fails quietly and each node keeps serving its users.
/// </summary>
public sealed class RedisClusterBus : IClusterBus, IDisposable
{
    private const string ChannelPrefix = "radsrum:";
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisClusterBus> _logger;

    public RedisClusterBus(IConnectionMultiplexer redis, ILogger<RedisClusterBus> logger)
    {
        _redis = redis;
        _logger = logger;
        _redis.ConnectionRestored += OnConnectionRestored;
    }

    public string NodeId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public event Action? Reconnected;

    public void Publish<T>(string topic, T message)
    {
        var envelope = JsonSerializer.Serialize(new Envelope<T>(NodeId, message), JsonOptions);
        try
        {
            _redis.GetSubscriber().Publish(Channel(topic), envelope, CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or ObjectDisposedException)
        {
            _logger.LogDebug(ex, "Redis is unavailable; {Topic} stays on this node until it is back", topic);
        }
    }

    public IDisposable Subscribe<T>(string topic, Action<T> handler)
    {
        var channel = Channel(topic);
        var subscriber = _redis.GetSubscriber();
        Action<RedisChannel, RedisValue> onMessage = (_, value) =>
        {
            try
            {
                var envelope = JsonSerializer.Deserialize<Envelope<T>>(value.ToString(), JsonOptions);
                if (envelope is not null && envelope.NodeId != NodeId)
                {
                    handler(envelope.Message);
                }
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "A message on {Topic} could not be handled", topic);
            }
        };
        // StackExchange.Redis re-subscribes by itself after a reconnect; subscribing while Redis is down is retried then.
        subscriber.Subscribe(channel, onMessage, CommandFlags.FireAndForget);
        return new Unsubscribe(() => subscriber.Unsubscribe(channel, onMessage, CommandFlags.FireAndForget));
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            _logger.LogInformation("Redis is back; pages reload what they may have missed");
            Reconnected?.Invoke();
        }
    }

    public void Dispose() => _redis.ConnectionRestored -= OnConnectionRestored;

    private static RedisChannel Channel(string topic) => RedisChannel.Literal(ChannelPrefix + topic);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record Envelope<T>(string NodeId, T Message);

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                try
                {
                    action();
                }
                catch (RedisException)
                {
                    // Redis is down; the subscription goes with the connection.
                }
            }
        }
    }
}
