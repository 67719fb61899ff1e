using Workspace.Web.Collaboration.CoEditing;

namespace Workspace.UnitTests.CoEditing;

/// <summary>One step of a scenario; its numbers are read against the state at that moment (see <see cref="ConvergenceSimulation"/>).</summary>
public sealed record SimulationStep(int Kind, int Client, int A, int B);

/// <summary>A random scenario: how many clients, whether the server echoes operations to their author, the steps.</summary>
public sealed record SimulationScenario(int Clients, bool EchoToAuthor, int Seed, SimulationStep[] Steps)
{
    public override string ToString() =>
        $"{Clients} clients, echo {EchoToAuthor}, seed {Seed}, steps [{string.Join(", ", Steps.Select(s => $"{s.Kind}/{s.Client}/{s.A}/{s.B}"))}]";
}

/// <summary>
/// Several clients edit one text through a sequencing server, as wwwroot/js/coedit/client.js and TextDocumentService
/// do it: one operation in flight per client, later edits composed into a buffer, incoming operations transformed
/// against both and applied in revision order, acks and broadcasts arriving in any order, the server transforming
/// each submission against what was stored after its base revision and recognising repeats. Clients lose their
/// connection (some submissions reach the server, their answers do not), edit offline, and reconnect.
/// Every inserted character is unique, so the outcome can be checked character by character.
/// </summary>
public sealed class ConvergenceSimulation
{
    private readonly List<string> _problems = [];
    private readonly HashSet<char> _inserted = [];
    private readonly HashSet<char> _deleted = [];
    private readonly Server _server;
    private readonly List<Peer> _peers = [];
    private readonly bool _echoToAuthor;
    private char _nextChar = '\u4e00';

    private ConvergenceSimulation(SimulationScenario scenario)
    {
        _echoToAuthor = scenario.EchoToAuthor;
        _server = new Server(Fresh(8));
        for (var i = 0; i < scenario.Clients; i++)
        {
            _peers.Add(new Peer(this, $"client-{i}", _server.Text, _server.Log.Count));
        }
    }

    /// <summary>Runs the scenario to its end, lets every message arrive, and returns what went wrong (nothing, we hope).</summary>
    public static IReadOnlyList<string> Run(SimulationScenario scenario)
    {
        var simulation = new ConvergenceSimulation(scenario);
        foreach (var step in scenario.Steps)
        {
            simulation.Do(step);
        }
        simulation.Settle(new Random(scenario.Seed));
        simulation.Check();
        return simulation._problems;
    }

    private string Fresh(int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = _nextChar++;
            _inserted.Add(chars[i]);
        }
        return new string(chars);
    }

    private void Do(SimulationStep step)
    {
        var peer = _peers[step.Client % _peers.Count];
        switch (step.Kind % 20)
        {
            case < 6:
                peer.EditLocally(step.A, step.B);
                break;
            case < 9:
                if (peer.Up.Count > 0)
                {
                    DeliverUp(peer, answer: true);
                }
                break;
            case < 16:
                if (peer.Down.Count > 0)
                {
                    DeliverDown(peer, step.A);
                }
                break;
            case 16:
                if (peer.Connected)
                {
                    Disconnect(peer, step.A);
                }
                break;
            case < 19:
                if (!peer.Connected)
                {
                    Reconnect(peer);
                }
                break;
            default:
                var length = peer.Client.Text.Length + 1;
                var (a, b) = (step.A % length, step.B % length);
                peer.Client.Selection = (Math.Min(a, b), Math.Max(a, b));
                break;
        }
    }

    private void DeliverUp(Peer peer, bool answer)
    {
        var request = peer.Up.Dequeue();
        var stored = _server.Submit(request);
        if (answer)
        {
            peer.Down.Add(new Delivery(request.ClientSeq, stored.Revision, null));
        }
        foreach (var other in _peers)
        {
            if ((other != peer || _echoToAuthor) && other.Connected)
            {
                other.Down.Add(new Delivery(null, 0, stored));
            }
        }
    }

    private static void DeliverDown(Peer peer, int choice)
    {
        var index = choice % peer.Down.Count;
        var delivery = peer.Down[index];
        peer.Down.RemoveAt(index);
        if (delivery.Message is { } message)
        {
            peer.Client.Receive(message);
        }
        else
        {
            peer.Client.Receive(new Message(delivery.Revision, null, peer.Client.ClientId, delivery.AckSeq!.Value));
        }
    }

    private void Disconnect(Peer peer, int choice)
    {
        peer.Connected = false;
        foreach (var delivery in peer.Down.Where(d => d.AckSeq is not null))
        {
            peer.Client.SendFailed(delivery.AckSeq!.Value);
        }
        peer.Down.Clear();
        var reached = choice % 2 == 0;
        while (peer.Up.Count > 0)
        {
            var seq = peer.Up.Peek().ClientSeq;
            if (reached)
            {
                // It reached the server before the connection dropped; only the answer is lost.
                DeliverUp(peer, answer: false);
            }
            else
            {
                peer.Up.Dequeue();
            }
            peer.Client.SendFailed(seq);
        }
    }

    private void Reconnect(Peer peer)
    {
        peer.Connected = true;
        peer.Client.Reconnect(_server.Since(peer.Client.Revision));
    }

    private void Settle(Random random)
    {
        for (var round = 0; round < 100_000; round++)
        {
            foreach (var peer in _peers.Where(p => !p.Connected))
            {
                Reconnect(peer);
            }
            var busy = _peers.Where(p => p.Up.Count > 0 || p.Down.Count > 0).ToList();
            if (busy.Count == 0)
            {
                return;
            }
            var chosen = busy[random.Next(busy.Count)];
            if (chosen.Up.Count > 0 && (chosen.Down.Count == 0 || random.Next(2) == 0))
            {
                DeliverUp(chosen, answer: true);
            }
            else
            {
                DeliverDown(chosen, random.Next(1000));
            }
        }
        _problems.Add("Messages kept coming after 100 000 deliveries.");
    }

    private void Check()
    {
        foreach (var peer in _peers)
        {
            if (peer.Client.Text != _server.Text)
            {
                _problems.Add($"{peer.Client.ClientId} has \"{peer.Client.Text}\", the server \"{_server.Text}\".");
            }
            if (peer.Client.HasPending)
            {
                _problems.Add($"{peer.Client.ClientId} still has unacknowledged edits.");
            }
        }
        var present = _server.Text.ToHashSet();
        if (present.Count != _server.Text.Length)
        {
            _problems.Add($"A character appears twice in \"{_server.Text}\".");
        }
        foreach (var ch in _inserted)
        {
            if (!_deleted.Contains(ch) && !present.Contains(ch))
            {
                _problems.Add($"'{ch}' was typed, never deleted, and is lost.");
            }
            if (_deleted.Contains(ch) && present.Contains(ch))
            {
                _problems.Add($"'{ch}' was deleted but is back.");
            }
        }
    }

    /// <summary>A message from the server: an operation at a revision, or (Operation null) the ack of one's own.</summary>
    public sealed record Message(long Revision, TextOperation? Operation, string ClientId, long ClientSeq);

    private sealed record Request(TextOperation Operation, long BaseRevision, long ClientSeq, string ClientId);

    private sealed record Delivery(long? AckSeq, long Revision, Message? Message);

    private sealed class Peer
    {
        private readonly ConvergenceSimulation _simulation;

        public Peer(ConvergenceSimulation simulation, string clientId, string text, long revision)
        {
            _simulation = simulation;
            Client = new Client(simulation, clientId, text, revision, request =>
            {
                if (Connected)
                {
                    Up.Enqueue(request);
                }
                else
                {
                    Client!.SendFailed(request.ClientSeq);
                }
            });
        }

        public Queue<Request> Up { get; } = new();
        public List<Delivery> Down { get; } = [];
        public bool Connected { get; set; } = true;
        public Client Client { get; }

        public void EditLocally(int a, int b)
        {
            var text = Client.Text;
            var position = a % (text.Length + 1);
            TextOperation operation;
            if (b % 5 < 3 || text.Length == 0)
            {
                var insert = _simulation.Fresh(1 + (b % 50 == 0 ? b % 40 : b % 3));
                operation = TextOperation.Insert(position, insert);
                Client.Selection = (position + insert.Length, position + insert.Length);
            }
            else
            {
                var length = Math.Min(1 + (b % 4), text.Length - position);
                foreach (var ch in text.AsSpan(position, length))
                {
                    _simulation._deleted.Add(ch);
                }
                var replacement = b % 3 == 0 ? _simulation.Fresh(1 + (b % 2)) : "";
                operation = TextOperation.Create(OpComponent.Retain(position), OpComponent.Insert(replacement), OpComponent.Delete(length));
                Client.Selection = (position + replacement.Length, position + replacement.Length);
            }
            Client.Edit(operation);
        }
    }

    /// <summary>The state machine of client.js, in C#.</summary>
    private sealed class Client(ConvergenceSimulation simulation, string clientId, string text, long revision, Action<Request> send)
    {
        private readonly Dictionary<long, Message> _queue = [];
        private (TextOperation Operation, long Seq)? _inflight;
        private TextOperation? _buffer;
        private long _nextSeq = 1;
        private bool _offline;

        public string ClientId { get; } = clientId;
        public string Text { get; private set; } = text;
        public long Revision { get; private set; } = revision;
        public (int Start, int End) Selection { get; set; }
        public bool HasPending => _inflight is not null || _buffer is not null;

        public void Edit(TextOperation operation)
        {
            Text = operation.Apply(Text);
            if (operation.IsEmpty)
            {
                return;
            }
            _buffer = _buffer is null ? operation : TextOperation.Compose(_buffer, operation);
            Flush();
        }

        public void Receive(Message message)
        {
            if (message.Revision <= Revision)
            {
                return;
            }
            if (!_queue.TryGetValue(message.Revision, out var waiting) || (waiting.Operation is null && message.Operation is not null))
            {
                _queue[message.Revision] = message;
            }
            Drain();
        }

        public void SendFailed(long seq)
        {
            if (_inflight?.Seq == seq)
            {
                _offline = true;
            }
        }

        public void Reconnect(IEnumerable<Message> missed)
        {
            foreach (var message in missed)
            {
                Receive(message);
            }
            _offline = false;
            if (_inflight is { } inflight)
            {
                send(new Request(inflight.Operation, Revision, inflight.Seq, ClientId));
            }
            else
            {
                Flush();
            }
        }

        private void Flush()
        {
            if (_inflight is not null || _buffer is null || _offline)
            {
                return;
            }
            _inflight = (_buffer, _nextSeq++);
            _buffer = null;
            send(new Request(_inflight.Value.Operation, Revision, _inflight.Value.Seq, ClientId));
        }

        private void Drain()
        {
            while (_queue.Remove(Revision + 1, out var message))
            {
                if (_inflight is { } own && message.ClientId == ClientId && message.ClientSeq == own.Seq)
                {
                    Revision = message.Revision;
                    _inflight = null;
                    _offline = false;
                    continue;
                }
                var operation = message.Operation ?? throw new InvalidOperationException("An ack for an operation not in flight.");
                if (_inflight is { } inflight)
                {
                    var transformedInflight = TextOperation.Transform(inflight.Operation, operation, TransformSide.Left);
                    operation = TextOperation.Transform(operation, inflight.Operation, TransformSide.Right);
                    _inflight = (transformedInflight, inflight.Seq);
                }
                if (_buffer is not null)
                {
                    var transformedBuffer = TextOperation.Transform(_buffer, operation, TransformSide.Left);
                    operation = TextOperation.Transform(operation, _buffer, TransformSide.Right);
                    _buffer = transformedBuffer;
                }
                var before = Text;
                Text = operation.Apply(Text);
                Revision = message.Revision;
                MoveSelection(before, operation);
            }
            Flush();
        }

        // The characters on each side of a caret stay on that side when others edit (unless deleted).
        private void MoveSelection(string before, TextOperation operation)
        {
            var (start, end) = Selection;
            var moved = TextOperation.TransformSelection(start, end, operation);
            foreach (var (old, now) in new[] { (start, moved.Start), (end, moved.End) })
            {
                var left = before[..old].ToHashSet();
                var right = before[old..].ToHashSet();
                if (Text[..now].Any(right.Contains) || Text[now..].Any(left.Contains))
                {
                    simulation._problems.Add($"{ClientId}: a caret at {old} moved to {now} across a character that was there before ({before} -> {Text}).");
                }
            }
            Selection = moved;
        }
    }

    /// <summary>The sequencer as TextDocumentService runs it, in memory.</summary>
    private sealed class Server(string text)
    {
        private readonly Dictionary<(string, long), Message> _seen = [];

        public string Text { get; private set; } = text;
        public List<Message> Log { get; } = [];

        public Message Submit(Request request)
        {
            if (_seen.TryGetValue((request.ClientId, request.ClientSeq), out var repeat))
            {
                return repeat;
            }
            var operation = request.Operation;
            for (var r = (int)request.BaseRevision; r < Log.Count; r++)
            {
                operation = TextOperation.Transform(operation, Log[r].Operation!, TransformSide.Left);
            }
            Text = operation.Apply(Text);
            var stored = new Message(Log.Count + 1, operation, request.ClientId, request.ClientSeq);
            Log.Add(stored);
            _seen[(request.ClientId, request.ClientSeq)] = stored;
            return stored;
        }

        public IEnumerable<Message> Since(long revision) => Log.Skip((int)revision).ToList();
    }
}
