using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.Votes;

/// <summary>
/// Votes and elections on the running meeting's current item: the chair's create, open and close, and for an eligible
/// voter the choice buttons. The own choice is confirmed from memory only (this circuit, this page): it is stored
/// nowhere, so after a reload the voter reads "Du har stemt".
/// </summary>
public partial class PollPanel
{
    [Inject] private PollService Polls { get; set; } = default!;
    [Inject] private MeetingFeed Feed { get; set; } = default!;

    /// <summary>The running meeting.</summary>
    [Parameter, EditorRequired]
    public Guid MeetingId { get; set; }

    /// <summary>The signed-in viewer; every action is checked again by the service.</summary>
    [Parameter, EditorRequired]
    public WorkspaceUser User { get; set; } = WorkspaceUser.Anonymous;

    private PollBoard? _board;
    private IDisposable? _subscription;
    private readonly Dictionary<Guid, int> _myChoices = [];
    private PollInput? _form;
    private FormErrors _errors = default!;
    private string _announcement = "";
    private string? _failure;
    private bool _busy;
    // The pressed choice button is gone once the vote is counted: the keyboard lands on the confirmation in words instead
    // of the top of the page (one open poll at a time, so one confirmation at most).
    private ElementReference _votedConfirmation;
    private bool _focusConfirmation;

    protected override async Task OnInitializedAsync()
    {
        _errors = new FormErrors(L);
        _board = await LoadAsync();
        _subscription = await Feed.SubscribeAsync(MeetingId, User, OnChangeAsync);
    }

    private Task OnChangeAsync(MeetingChange change)
    {
        if (change.Kind is not (MeetingChangeKind.PollChanged or MeetingChangeKind.RunChanged or MeetingChangeKind.AttendanceChanged
            or MeetingChangeKind.MeetingChanged or MeetingChangeKind.AccessChanged or MeetingChangeKind.AgendaChanged or MeetingChangeKind.Resync))
        {
            return Task.CompletedTask;
        }
        return InvokeAsync(async () =>
        {
            var (before, announced) = (_board, _announcement);
            _board = await LoadAsync(change);
            Announce(before, _board);
            // No render (and no message to the browser) when the panel showed nothing and still shows nothing: at every
            // "next item" of a meeting without votes, on every open page.
            if (Shows(before) || Shows(_board) || announced != _announcement)
            {
                StateHasChanged();
            }
        });
    }

    /// <summary>Whether the panel shows anything with this board (the markup asks it too): controls, or polls on the item.</summary>
    private static bool Shows(PollBoard? board) => board is { } b && (b.CanControl || b.Polls.Count > 0);

    /// <summary>The board as it is now; after another's change, the read this node's pages share.</summary>
    private async Task<PollBoard> LoadAsync(MeetingChange? change = null)
    {
        try
        {
            return change is null ? await Polls.BoardAsync(User, MeetingId) : await Polls.BoardAfterAsync(change, User);
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
        {
            return PollBoard.Empty(MeetingId);
        }
    }

    private void Announce(PollBoard? before, PollBoard after)
    {
        foreach (var poll in after.Polls)
        {
            var was = before?.Polls.FirstOrDefault(p => p.Id == poll.Id)?.Status;
            if (was == poll.Status)
            {
                continue;
            }
            if (poll.IsOpen)
            {
                _announcement = L["Votes.Announce.Opened", poll.Question];
            }
            else if (poll.IsClosed && was == PollStatus.Open)
            {
                _announcement = $"{L["Votes.Announce.Closed", poll.Question]} {PollTexts.Outcome(poll, poll.Result!.Outcome, L)}";
            }
        }
    }

    private async Task VoteAsync(PollView poll, int choice)
    {
        await RunAsync(async () =>
        {
            var receipt = await Polls.VoteAsync(User, poll.Id, choice);
            _myChoices[receipt.PollId] = receipt.Choice;
        });
        if (_myChoices.ContainsKey(poll.Id))
        {
            _announcement = VotedText(_board?.Polls.FirstOrDefault(p => p.Id == poll.Id) ?? poll);
            _focusConfirmation = true;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_focusConfirmation)
        {
            return;
        }
        _focusConfirmation = false;
        if (_board?.Polls.Any(p => p.HasVoted && !p.IsClosed && !p.CanVote) == true)
        {
            await _votedConfirmation.FocusAsync();
        }
    }

    private async Task CreateAsync()
    {
        if (_form is not { } input)
        {
            return;
        }
        _errors.Clear();
        await RunAsync(async () =>
        {
            await Polls.CreateAsync(User, MeetingId, input);
            _form = null;
        });
    }

    /// <summary>Runs an action, then shows the board as it is now; a refusal is shown in words, nothing typed is lost.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _failure = null;
        try
        {
            await action();
        }
        catch (InputValidationException ex) when (_form is not null && ex.Errors.All(e => e.Field != "Poll" && e.Field != "Run"))
        {
            _errors.Set(ex.Errors);
        }
        catch (InputValidationException ex)
        {
            _failure = L[ex.Errors[0].MessageKey];
        }
        catch (ConcurrencyConflictException)
        {
            _failure = L["Votes.NotOpen"];
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
        {
            _failure = L["Votes.NotEligible"];
        }
        finally
        {
            _busy = false;
        }
        _board = await LoadAsync();
    }

    private string Heading(PollView poll) => poll.Kind == PollKind.Election
        ? $"{L["Votes.Election"]} ({L["Votes.Round", poll.Round]}): {poll.Question}"
        : $"{L["Votes.Motion"]}: {poll.Question}";

    private string StatusLine(PollView poll) => poll.Status switch
    {
        PollStatus.Prepared => L["Votes.Status.Prepared"],
        PollStatus.Open => $"{L["Votes.Status.Open"]} · {PollTexts.Progress(poll, L)}",
        _ => $"{L["Votes.Status.Closed"]} · {PollTexts.Progress(poll, L)}",
    };

    private string VotedText(PollView poll)
    {
        if (!_myChoices.TryGetValue(poll.Id, out var choice))
        {
            return L["Votes.Voted.Unknown"];
        }
        return (poll.Kind, choice) switch
        {
            (PollKind.Motion, PollBallot.For) => L["Votes.Voted.For"],
            (PollKind.Motion, PollBallot.Against) => L["Votes.Voted.Against"],
            (PollKind.Motion, _) => L["Votes.Voted.Abstain"],
            (_, PollBallot.Abstain) => L["Votes.Voted.Blank"],
            _ => L["Votes.Voted.Candidate", poll.Candidate(choice)],
        };
    }

    public ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
