using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Web.Collaboration.CoEditing;

namespace Workspace.Bench;

public sealed record OpenTextResult(string DocumentId, string Text, long Revision, bool CanEdit);

public sealed record TextChangeMessage(string DocumentId, long Revision, TextOperation Operation, string ClientId, long ClientSeq);

public sealed record CoEditResult(int Participants, double P50, double P95, double P99, long Lost, int Diverged, double CpuPercent, double LoadCpuPercent, double GcHeapMb, long Operations,
    double ServerGcPauseMs, int ServerGen0, int ServerGen1, int ServerGen2, int ServerThreads, double LoadGcPauseMs);

/// <summary>
/// N SignalR clients of /hubs/meeting type into one shared text, each 5 characters a second at random places, as a
/// browser would (one operation in flight, later keystrokes composed into a buffer, incoming operations transformed).
/// Latency is from a client's send to each other client's receipt of that operation.
/// </summary>
public static class CoEditScenario
{
    public static async Task<CoEditResult> RunAsync(AppUnderTest app, CookieContainer cookies, int participants, TimeSpan typing)
    {
        var itemId = await NewItemAsync(app, cookies, participants);
        var sent = new ConcurrentDictionary<(string, long), long>();
        var latencies = new ConcurrentBag<double>();
        var clients = new List<Participant>();
        for (var i = 0; i < participants; i++)
        {
            clients.Add(await Participant.ConnectAsync(app, cookies, itemId, sent, latencies));
        }

        var before = await app.MemoryAsync(collect: false);
        var loadCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var loadPauseBefore = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(typing);
        await Task.WhenAll(clients.Select((c, i) => c.TypeAsync(new Random(i * 7919 + participants), stop.Token)));
        // Let every buffer and in-flight operation land, then wait until everyone has everything.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (clients.Any(c => c.HasPending) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        var server = await clients[0].OpenAsync();
        while (clients.Any(c => c.Revision < server.Revision) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            server = await clients[0].OpenAsync();
        }
        var wall = clock.Elapsed;
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - loadCpuBefore;
        var loadPause = GC.GetTotalPauseDuration() - loadPauseBefore;
        var after = await app.MemoryAsync(collect: false);

        var operations = sent.Count;
        var expectedDeliveries = (long)operations * (participants - 1);
        var lost = Math.Max(0, expectedDeliveries - latencies.Count);
        var diverged = clients.Count(c => c.Text != server.Text);
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
        var sorted = latencies.Order().ToList();
        return new CoEditResult(participants, Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 95), Percentiles.Of(sorted, 99), lost, diverged,
            (after.CpuMilliseconds - before.CpuMilliseconds) / wall.TotalMilliseconds * 100, loadCpu / wall * 100, after.GcHeapBytes / 1024d / 1024d, operations,
            after.GcPauseMilliseconds - before.GcPauseMilliseconds, after.Gen0Collections - before.Gen0Collections, after.Gen1Collections - before.Gen1Collections,
            after.Gen2Collections - before.Gen2Collections, after.ThreadPoolThreads, loadPause.TotalMilliseconds);
    }

    /// <summary>A fresh meeting with one item per run, so runs do not share a text.</summary>
    private static async Task<Guid> NewItemAsync(AppUnderTest app, CookieContainer cookies, int participants)
    {
        using var http = app.Client(cookies);
        var councils = await http.GetFromJsonAsync<JsonElement>("/api/councils");
        var councilId = councils.EnumerateArray().First(c => c.GetProperty("name").GetString() == "Udsatterådet").GetProperty("id").GetGuid();
        var meeting = await http.PostAsJsonAsync($"/api/councils/{councilId}/meetings", new
        {
            title = $"Benchmark med {participants} deltagere",
            date = DateTime.Today.AddYears(3).AddDays(participants).ToString("yyyy-MM-dd"),
            startTime = "16:00:00",
            endTime = "18:00:00",
            place = "Rådhuset",
            useAgendaTemplate = false,
        });
        meeting.EnsureSuccessStatusCode();
        var meetingId = (await meeting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var item = await http.PostAsJsonAsync($"/api/meetings/{meetingId}/items", new { title = "Fælles beslutningstekst", allottedMinutes = 30 });
        item.EnsureSuccessStatusCode();
        return (await item.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private sealed class Participant : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly Guid _itemId;
        private readonly ConcurrentDictionary<(string, long), long> _sent;
        private readonly ConcurrentBag<double> _latencies;
        private readonly string _clientId = Guid.NewGuid().ToString("N");
        private readonly object _gate = new();
        private readonly SortedDictionary<long, TextChangeMessage> _waiting = new();
        private string _documentId = "";
        private TextOperation? _inflight;
        private long _inflightSeq;
        private TextOperation? _buffer;
        private long _nextSeq = 1;

        private Participant(HubConnection connection, Guid itemId, ConcurrentDictionary<(string, long), long> sent, ConcurrentBag<double> latencies)
        {
            _connection = connection;
            _itemId = itemId;
            _sent = sent;
            _latencies = latencies;
        }

        // Edited in place: a new string per keystroke and participant (50,000 a second at 100 participants) made the load
        // generator's own garbage collection pause it for a tenth of the run, and that showed up as server latency.
        private readonly EditableText _text = new();

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return _text.ToString();
                }
            }
        }

        public long Revision { get; private set; }

        public bool HasPending
        {
            get
            {
                lock (_gate)
                {
                    return _inflight is not null || _buffer is not null;
                }
            }
        }

        public static async Task<Participant> ConnectAsync(AppUnderTest app, CookieContainer cookies, Guid itemId,
            ConcurrentDictionary<(string, long), long> sent, ConcurrentBag<double> latencies)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(app.BaseUrl + "/hubs/meeting", options =>
                {
                    options.Cookies = cookies;
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                })
                .Build();
            var participant = new Participant(connection, itemId, sent, latencies);
            connection.On<TextChangeMessage[]>("TextsChanged", participant.OnTextsChanged);
            await connection.StartAsync();
            var opened = await participant.OpenAsync();
            lock (participant._gate)
            {
                participant._documentId = opened.DocumentId;
                participant._text.Reset(opened.Text);
                participant.Revision = opened.Revision;
            }
            return participant;
        }

        public Task<OpenTextResult> OpenAsync() => _connection.InvokeAsync<OpenTextResult>("OpenText", _itemId, "decision");

        public async Task TypeAsync(Random random, CancellationToken stop)
        {
            // Start at different moments, like people do.
            await Task.Delay(random.Next(200), CancellationToken.None);
            while (!stop.IsCancellationRequested)
            {
                lock (_gate)
                {
                    var length = _text.Length;
                    var position = random.Next(length + 1);
                    var keystroke = length > 20 && random.Next(10) == 0
                        ? TextOperation.Create(OpComponent.Retain(Math.Min(position, length - 1)), OpComponent.Delete(1), OpComponent.Retain(length - Math.Min(position, length - 1) - 1))
                        : TextOperation.Create(OpComponent.Retain(position), OpComponent.Insert(((char)('a' + random.Next(26))).ToString()), OpComponent.Retain(length - position));
                    _text.Apply(keystroke);
                    if (_inflight is null)
                    {
                        Send(keystroke);
                    }
                    else
                    {
                        _buffer = _buffer is null ? keystroke : TextOperation.Compose(_buffer, keystroke);
                    }
                }
                await Task.Delay(200, CancellationToken.None);
            }
        }

        private void Send(TextOperation operation)
        {
            _inflight = operation;
            _inflightSeq = _nextSeq++;
            _sent[(_clientId, _inflightSeq)] = Stopwatch.GetTimestamp();
            _ = _connection.InvokeAsync<JsonElement>("SubmitText", _documentId, Revision, operation, _clientId, _inflightSeq);
        }

        private void OnTextsChanged(TextChangeMessage[] messages)
        {
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                foreach (var message in messages)
                {
                    if (message.ClientId != _clientId && _sent.TryGetValue((message.ClientId, message.ClientSeq), out var sentAt))
                    {
                        _latencies.Add(Stopwatch.GetElapsedTime(sentAt, now).TotalMilliseconds);
                    }
                    if (message.Revision > Revision)
                    {
                        _waiting[message.Revision] = message;
                    }
                }
                while (_waiting.Remove(Revision + 1, out var next))
                {
                    Apply(next);
                }
            }
        }

        private void Apply(TextChangeMessage message)
        {
            Revision = message.Revision;
            if (message.ClientId == _clientId && message.ClientSeq == _inflightSeq && _inflight is not null)
            {
                _inflight = null;
                if (_buffer is not null)
                {
                    var buffered = _buffer;
                    _buffer = null;
                    Send(buffered);
                }
                return;
            }
            var incoming = message.Operation;
            if (_inflight is not null)
            {
                (_inflight, incoming) = (TextOperation.Transform(_inflight, incoming, TransformSide.Left), TextOperation.Transform(incoming, _inflight, TransformSide.Right));
            }
            if (_buffer is not null)
            {
                (_buffer, incoming) = (TextOperation.Transform(_buffer, incoming, TransformSide.Left), TextOperation.Transform(incoming, _buffer, TransformSide.Right));
            }
            _text.Apply(incoming);
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}

/// <summary>A text edited in place in one growing buffer, as a browser's textarea is: no new string per operation.</summary>
internal sealed class EditableText
{
    private char[] _chars = new char[4096];

    public int Length { get; private set; }

    public void Reset(string text)
    {
        MakeRoom(text.Length);
        text.CopyTo(_chars);
        Length = text.Length;
    }

    public void Apply(TextOperation operation)
    {
        if (operation.BaseLength > Length)
        {
            throw new InvalidOperationException($"An operation over {operation.BaseLength} characters does not fit {Length}.");
        }
        MakeRoom(Length + operation.InsertedLength);
        var position = 0;
        foreach (var component in operation.Components)
        {
            if (component.IsInsert)
            {
                Array.Copy(_chars, position, _chars, position + component.Length, Length - position);
                component.Text.CopyTo(_chars.AsSpan(position));
                Length += component.Length;
                position += component.Length;
            }
            else if (component.IsDelete)
            {
                Array.Copy(_chars, position + component.Length, _chars, position, Length - position - component.Length);
                Length -= component.Length;
            }
            else
            {
                position += component.Length;
            }
        }
    }

    public override string ToString() => new(_chars, 0, Length);

    private void MakeRoom(int length)
    {
        if (length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(length, _chars.Length * 2));
        }
    }
}
