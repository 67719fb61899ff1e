using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Access;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.Votes;

/// <summary>
/// Votes and elections on the running meeting's current item. The chair and the administration (<see cref="CouncilRights.CanControl"/>)
/// create, open and close them; members and stepping-in substitutes registered present (and not left) vote, each once.
/// Every call checks the rights on the current state. Who voted and what was voted are written apart, in one
/// transaction; in a secret poll nothing links them (docs/decisions/015-secret-ballots.md). Changes are told as
/// <see cref="MeetingChangeKind.PollChanged"/> with the item's id and never with a choice or, for a vote, a voter.
/// </summary>
public sealed class PollService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    CouncilAccess access,
    IMeetingNotifier notifier,
    LiveAccess live,
    ItemTexts texts,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider clock)
{
    /// <summary>Votes are told in batches: 200 voters in ten seconds are a few notices, not 200 for every viewer.</summary>
    public static readonly TimeSpan ProgressBatching = TimeSpan.FromMilliseconds(250);

    private const int ClosedCacheMax = 2_000;

    private readonly ConcurrentDictionary<Guid, byte> _progressPending = new();

    // A closed poll never changes: its result is kept, so that everyone reading it when it closes (200 voters at once)
    // costs a rights check from LiveAccess's cache and one lookup of their own vote, not a count of the ballots each.
    private readonly ConcurrentDictionary<Guid, ClosedPoll> _closed = new();

    // Keyed by the change the notifier hands to every page of this node (as in LiveItemReads): never stale, gone with it.
    private readonly ConditionalWeakTable<MeetingChange, Lazy<Task<StoredPolls?>>> _boards = new();

    private sealed record ClosedPoll(Guid MeetingId, PollView View);

    /// <summary>The polls of the current item of a running meeting, as the viewer may see them.</summary>
    public async Task<PollBoard> BoardAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new NotFoundException();
        var rights = await access.RightsAtMeetingAsync(db, user, meeting, ct);
        if (!rights.CanRead)
        {
            throw new NotFoundException();
        }
        var running = meeting.Status == MeetingStatus.InProgress;
        if (!running || meeting.CurrentItemId is not { } itemId || !await ItemVisibleAsync(db, itemId, rights.CanSeeClosedItems, ct))
        {
            return new PollBoard(meetingId, null, running, rights.CanControl, []);
        }
        var polls = await db.Polls.AsNoTracking().Include(p => p.Candidates)
            .Where(p => p.AgendaItemId == itemId).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var views = await ViewsAsync(db, meeting, polls, user, rights, ct);
        return new PollBoard(meetingId, itemId, running, rights.CanControl, views);
    }

    /// <summary>One poll as the viewer may see it (the hub's GetPoll).</summary>
    public async Task<PollView> PollAsync(WorkspaceUser user, Guid pollId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (_closed.TryGetValue(pollId, out var closed))
        {
            // The rights as they are now (LiveAccess drops them on every change of meeting, agenda, attendance or membership).
            var reader = await live.ReaderAsync(user, closed.MeetingId, ct);
            if (!reader.CanReadItem(closed.View.ItemId))
            {
                throw new NotFoundException();
            }
            var hasVoted = user.PersonId is { } me && await db.PollVoters.AnyAsync(v => v.PollId == pollId && v.PersonId == me, ct);
            return closed.View with { HasVoted = hasVoted };
        }
        var (poll, meeting, rights) = await ReadablePollAsync(db, user, pollId, tracked: false, ct);
        var view = (await ViewsAsync(db, meeting, [poll], user, rights, ct))[0];
        Remember(meeting.Id, view);
        return view;
    }

    private void Remember(Guid meetingId, PollView view)
    {
        // Later rounds change HasNextRound, so only a poll whose election is over (or a vote) is kept.
        if (!view.IsClosed || (view.Kind == PollKind.Election && view.Result!.Outcome.NeedsNextRound && !view.HasNextRound))
        {
            return;
        }
        if (_closed.Count >= ClosedCacheMax)
        {
            _closed.Clear();
        }
        _closed[view.Id] = new ClosedPoll(meetingId, view with { HasVoted = false, CanVote = false });
    }

    /// <summary>
    /// The room screen's poll on an item: the open one, else the last one closed; none while only prepared. No user: the
    /// screen page has authorized its viewer; a closed item's poll only for a screen that shows closed items.
    /// </summary>
    public async Task<PollView?> ScreenAsync(Guid meetingId, Guid? itemId, bool showClosedItems, CancellationToken ct = default)
    {
        if (itemId is not { } id)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || !await db.AgendaItems.AnyAsync(i => i.Id == id && i.MeetingId == meetingId && (showClosedItems || !i.IsClosed), ct))
        {
            return null;
        }
        var poll = await db.Polls.AsNoTracking().Include(p => p.Candidates)
            .Where(p => p.AgendaItemId == id && p.Status != PollStatus.Prepared)
            .OrderBy(p => p.Status == PollStatus.Open ? 0 : 1).ThenByDescending(p => p.ClosedAt)
            .FirstOrDefaultAsync(ct);
        return poll is null ? null : (await ViewsAsync(db, meeting, [poll], WorkspaceUser.Anonymous, CouncilRights.None, ct))[0];
    }

    /// <summary>Creates a vote or an election's first round on the running meeting's current item, not yet open.</summary>
    public async Task<Guid> CreateAsync(WorkspaceUser user, Guid meetingId, PollInput input, CancellationToken ct = default)
    {
        var (question, candidates) = Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, rights) = await access.ControlledMeetingAsync(db, user, meetingId, ct);
        EnsureRunning(meeting);
        if (meeting.CurrentItemId is not { } itemId)
        {
            throw Invalid("Votes.NoCurrentItem");
        }
        if (!await ItemVisibleAsync(db, itemId, rights.CanSeeClosedItems, ct))
        {
            throw new NotFoundException();
        }
        var poll = NewPoll(meetingId, itemId, input.Kind, input.IsSecret, input.Majority, question, candidates);
        db.Polls.Add(poll);
        await db.SaveAsAsync(user, ct);
        Publish(poll, user);
        return poll.Id;
    }

    public async Task OpenAsync(WorkspaceUser user, Guid pollId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (poll, meeting) = await ControlledPollAsync(db, user, pollId, ct);
        EnsureRunning(meeting);
        if (poll.Status != PollStatus.Prepared)
        {
            throw Invalid("Votes.NotPrepared");
        }
        if (await db.Polls.AnyAsync(p => p.MeetingId == meeting.Id && p.Status == PollStatus.Open, ct))
        {
            throw Invalid("Votes.AnotherOpen");
        }
        poll.Status = PollStatus.Open;
        poll.OpenedAt = clock.GetUtcNow();
        await db.SaveAsAsync(user, ct);
        Publish(poll, user);
    }

    /// <summary>
    /// Closes the poll: no vote counts after this. Its result is appended to the item's decision as a line of its own,
    /// through the co-editing (open editors receive it; nothing typed is overwritten), where the secretary may edit it.
    /// </summary>
    public async Task<PollView> CloseAsync(WorkspaceUser user, Guid pollId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (poll, meeting) = await ControlledPollAsync(db, user, pollId, ct);
        if (poll.Status != PollStatus.Open)
        {
            throw Invalid("Votes.NotOpen");
        }
        poll.Status = PollStatus.Closed;
        poll.ClosedAt = clock.GetUtcNow();
        poll.EligibleAtClose = await EligibleCountAsync(db, meeting.Id, ct);
        // A vote's transaction first touches the poll's row while it is open, so it either commits before this or fails.
        await db.SaveAsAsync(user, ct);
        var view = (await ViewsAsync(db, meeting, [poll], user, CouncilRights.None, ct))[0];
        Remember(meeting.Id, view);
        // Everyone hears of the result first; the decision's line follows through the co-editing.
        Publish(poll, user);
        if (user.PersonId is { } personId)
        {
            var line = InDanish(() => PollTexts.DecisionLine(view, localizer));
            await texts.AppendLineAsync(meeting.Id, poll.AgendaItemId, ItemText.Decision, line, personId, $"poll-{poll.Id:N}", ct);
        }
        return view;
    }

    /// <summary>After an election's round that elected nobody: the next round, among the candidates the rule names, not yet open.</summary>
    public async Task<Guid> NextRoundAsync(WorkspaceUser user, Guid pollId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (poll, meeting) = await ControlledPollAsync(db, user, pollId, ct);
        EnsureRunning(meeting);
        var view = (await ViewsAsync(db, meeting, [poll], user, CouncilRights.None, ct))[0];
        if (poll.Kind != PollKind.Election || view.Result is not { Outcome.NeedsNextRound: true } result || view.HasNextRound)
        {
            throw Invalid("Votes.NoNextRound");
        }
        var next = NewPoll(meeting.Id, poll.AgendaItemId, poll.Kind, poll.IsSecret, poll.Majority, poll.Question,
            [.. result.Outcome.Candidates.Select(view.Candidate)]);
        next.ElectionId = poll.ElectionId;
        next.Round = poll.Round + 1;
        db.Polls.Add(next);
        await db.SaveAsAsync(user, ct);
        Publish(next, user);
        return next.Id;
    }

    /// <summary>
    /// Counts one vote of the user, who must be a member or stepping-in substitute registered present now. Who voted
    /// and the ballot are written in one transaction; a second vote of the same person fails on the key (poll, person).
    /// </summary>
    public async Task<VoteReceipt> VoteAsync(WorkspaceUser user, Guid pollId, int choice, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (poll, meeting, rights) = await ReadablePollAsync(db, user, pollId, tracked: false, ct);
        if (poll.Status != PollStatus.Open || meeting.Status != MeetingStatus.InProgress)
        {
            throw Invalid("Votes.NotOpen");
        }
        if (!rights.ActsAsMember || user.PersonId is not { } personId)
        {
            throw new AccessDeniedException();
        }
        if (!await IsPresentAsync(db, meeting.Id, personId, ct))
        {
            throw Invalid("Votes.NotPresent");
        }
        if (!PollRules.IsValidChoice(poll.Kind, poll.Candidates.Count, choice))
        {
            throw Invalid("Votes.BadChoice");
        }
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Touches the open poll's row first: a close waits for this vote, or this vote sees the poll closed.
            var stillOpen = await db.Polls.Where(p => p.Id == pollId && p.Status == PollStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PollStatus.Open), ct);
            if (stillOpen == 0)
            {
                throw Invalid("Votes.NotOpen");
            }
            db.PollVoters.Add(new PollVoter { PollId = pollId, PersonId = personId, OpenChoice = poll.IsSecret ? null : choice });
            db.PollBallots.Add(new PollBallot { PollId = pollId, Choice = choice });
            try
            {
                await db.SaveAsAsync(user, ct);
            }
            catch (DbUpdateException)
            {
                throw Invalid("Votes.AlreadyVoted");
            }
            await transaction.CommitAsync(ct);
        }
        PublishProgress(poll);
        return new VoteReceipt(pollId, choice);
    }

    private async Task<List<PollView>> ViewsAsync(WorkspaceDbContext db, Meeting meeting, IReadOnlyList<Poll> polls, WorkspaceUser user,
        CouncilRights rights, CancellationToken ct) =>
        ViewsFor(await StoredAsync(db, meeting, polls, ct), user, rights);

    /// <summary>
    /// The board after a change, for a viewer: one read for all the node's pages that ask about the same change (a vote's
    /// progress reaches every open page four times a second), made into each viewer's views with the viewer's rights as
    /// <see cref="LiveAccess"/> knows them now. As <see cref="BoardAsync"/> otherwise.
    /// </summary>
    public async Task<PollBoard> BoardAfterAsync(MeetingChange change, WorkspaceUser user)
    {
        var reader = await live.ReaderAsync(user, change.MeetingId);
        if (!reader.CanRead)
        {
            throw new NotFoundException();
        }
        var stored = await _boards.GetValue(change, c => new Lazy<Task<StoredPolls?>>(() => StoredBoardAsync(c.MeetingId))).Value;
        if (stored is null)
        {
            throw new NotFoundException();
        }
        var running = stored.Meeting.Status == MeetingStatus.InProgress;
        if (!running || stored.Meeting.CurrentItemId is not { } itemId || !reader.CanReadItem(itemId))
        {
            return new PollBoard(change.MeetingId, null, running, reader.Rights.CanControl, []);
        }
        return new PollBoard(change.MeetingId, itemId, running, reader.Rights.CanControl, ViewsFor(stored, user, reader.Rights));
    }

    private async Task<StoredPolls?> StoredBoardAsync(Guid meetingId)
    {
        // Shared by the node's pages, so no one page's cancellation ends it.
        var ct = CancellationToken.None;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return null;
        }
        var polls = meeting is { Status: MeetingStatus.InProgress, CurrentItemId: { } itemId }
            ? await db.Polls.AsNoTracking().Include(p => p.Candidates).Where(p => p.AgendaItemId == itemId).OrderBy(p => p.CreatedAt).ToListAsync(ct)
            : [];
        return await StoredAsync(db, meeting, polls, ct);
    }

    /// <summary>
    /// What some polls show, the same for every viewer: who has voted (kept here to tell each viewer whether she has; never
    /// sent), who is present to vote, the closed polls' counts and named votes. <see cref="ViewsFor"/> makes one viewer's views.
    /// </summary>
    private sealed record StoredPolls(Meeting Meeting, IReadOnlyList<Poll> Polls, ILookup<Guid, Guid> Voters, int EligibleNow,
        IReadOnlySet<Guid> Present, IReadOnlyList<ChoiceCount> Counts, IReadOnlyList<NamedChoice> Named, IReadOnlyList<ElectionRound> Rounds);

    private sealed record ChoiceCount(Guid PollId, int Choice, int Count);

    private sealed record NamedChoice(Guid PollId, string Name, int Choice);

    private sealed record ElectionRound(Guid ElectionId, int Round);

    private static async Task<StoredPolls> StoredAsync(WorkspaceDbContext db, Meeting meeting, IReadOnlyList<Poll> polls, CancellationToken ct)
    {
        if (polls.Count == 0)
        {
            return new StoredPolls(meeting, polls, Array.Empty<Guid>().ToLookup(g => g), 0, new HashSet<Guid>(), [], [], []);
        }
        var ids = polls.Select(p => p.Id).ToList();
        var voters = (await db.PollVoters.Where(v => ids.Contains(v.PollId)).Select(v => new { v.PollId, v.PersonId }).ToListAsync(ct))
            .ToLookup(v => v.PollId, v => v.PersonId);
        var anyOpen = polls.Any(p => p.Status == PollStatus.Open);
        var eligibleNow = polls.Any(p => p.Status != PollStatus.Closed) ? await EligibleCountAsync(db, meeting.Id, ct) : 0;
        var present = anyOpen && meeting.Status == MeetingStatus.InProgress
            ? (await db.Attendances.Where(a => a.MeetingId == meeting.Id && a.PersonId != null && a.Presence == PresenceStatus.Present && a.LeftAt == null)
                .Select(a => a.PersonId!.Value).ToListAsync(ct)).ToHashSet()
            : [];
        var closed = polls.Where(p => p.Status == PollStatus.Closed).Select(p => p.Id).ToList();
        var counts = closed.Count == 0 ? [] : await db.PollBallots.Where(b => closed.Contains(b.PollId))
            .GroupBy(b => new { b.PollId, b.Choice }).Select(g => new ChoiceCount(g.Key.PollId, g.Key.Choice, g.Count())).ToListAsync(ct);
        var named = closed.Count == 0 ? [] : await db.PollVoters
            .Where(v => closed.Contains(v.PollId) && v.OpenChoice != null)
            .Join(db.People, v => v.PersonId, p => p.Id, (v, p) => new NamedChoice(v.PollId, p.Name, v.OpenChoice!.Value))
            .ToListAsync(ct);
        var electionIds = polls.Where(p => p.Kind == PollKind.Election).Select(p => p.ElectionId).Distinct().ToList();
        var rounds = electionIds.Count == 0 ? [] : await db.Polls.Where(p => electionIds.Contains(p.ElectionId))
            .Select(p => new ElectionRound(p.ElectionId, p.Round)).ToListAsync(ct);
        return new StoredPolls(meeting, polls, voters, eligibleNow, present, counts, named, rounds);
    }

    private static List<PollView> ViewsFor(StoredPolls stored, WorkspaceUser user, CouncilRights rights)
    {
        var (meeting, polls) = (stored.Meeting, stored.Polls);
        var canVote = rights.ActsAsMember && meeting.Status == MeetingStatus.InProgress && user.PersonId is { } person
            && polls.Any(p => p.Status == PollStatus.Open) && stored.Present.Contains(person);
        var culture = CultureInfo.CurrentCulture;
        return [.. polls.Select(p =>
        {
            var candidates = p.Candidates.OrderBy(c => c.Position).Select(c => c.Name).ToList();
            PollResult? result = null;
            if (p.Status == PollStatus.Closed)
            {
                var perChoice = stored.Counts.Where(c => c.PollId == p.Id).ToDictionary(c => c.Choice, c => c.Count);
                var outcome = p.Kind == PollKind.Motion
                    ? PollRules.Motion(perChoice.GetValueOrDefault(PollBallot.For), perChoice.GetValueOrDefault(PollBallot.Against))
                    : PollRules.Election(Enumerable.Range(1, candidates.Count).ToDictionary(c => c, perChoice.GetValueOrDefault), p.Majority);
                var votes = p.IsSecret ? [] : stored.Named.Where(n => n.PollId == p.Id)
                    .OrderBy(n => n.Name, StringComparer.Create(culture, ignoreCase: true)).Select(n => new NamedVote(n.Name, n.Choice)).ToList();
                result = new PollResult(perChoice, outcome, votes);
            }
            var voters = stored.Voters[p.Id];
            var hasVoted = user.PersonId is { } me && voters.Contains(me);
            return new PollView(p.Id, p.AgendaItemId, p.Kind, p.IsSecret, p.Majority, p.Question, p.Round, p.Status, candidates,
                voters.Count(), p.EligibleAtClose ?? stored.EligibleNow, hasVoted, canVote && p.Status == PollStatus.Open && !hasVoted,
                stored.Rounds.Any(r => r.ElectionId == p.ElectionId && r.Round > p.Round), result);
        })];
    }

    /// <summary>Members and stepping-in substitutes registered present who have not left.</summary>
    private static Task<int> EligibleCountAsync(WorkspaceDbContext db, Guid meetingId, CancellationToken ct)
    {
        var steppingIn = db.SubstituteCalls.Where(c => c.MeetingId == meetingId && c.Status == SubstituteCallStatus.Confirmed).Select(c => c.SubstituteId);
        return db.Attendances.CountAsync(a => a.MeetingId == meetingId && a.PersonId != null && a.Presence == PresenceStatus.Present && a.LeftAt == null
            && (a.Role == AttendanceRole.Member || (a.Role == AttendanceRole.Substitute && steppingIn.Contains(a.PersonId!.Value))), ct);
    }

    private static Task<bool> IsPresentAsync(WorkspaceDbContext db, Guid meetingId, Guid personId, CancellationToken ct) =>
        db.Attendances.AnyAsync(a => a.MeetingId == meetingId && a.PersonId == personId && a.Presence == PresenceStatus.Present && a.LeftAt == null, ct);

    private static Task<bool> ItemVisibleAsync(WorkspaceDbContext db, Guid itemId, bool canSeeClosed, CancellationToken ct) =>
        db.AgendaItems.AnyAsync(i => i.Id == itemId && (canSeeClosed || !i.IsClosed), ct);

    private async Task<(Poll Poll, Meeting Meeting, CouncilRights Rights)> ReadablePollAsync(WorkspaceDbContext db, WorkspaceUser user, Guid pollId,
        bool tracked, CancellationToken ct)
    {
        var polls = tracked ? db.Polls : db.Polls.AsNoTracking();
        var poll = await polls.Include(p => p.Candidates).SingleOrDefaultAsync(p => p.Id == pollId, ct) ?? throw new NotFoundException();
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == poll.MeetingId, ct);
        var rights = await access.RightsAtMeetingAsync(db, user, meeting, ct);
        if (!rights.CanRead || !await ItemVisibleAsync(db, poll.AgendaItemId, rights.CanSeeClosedItems, ct))
        {
            throw new NotFoundException();
        }
        return (poll, meeting, rights);
    }

    private async Task<(Poll Poll, Meeting Meeting)> ControlledPollAsync(WorkspaceDbContext db, WorkspaceUser user, Guid pollId, CancellationToken ct)
    {
        var (poll, meeting, rights) = await ReadablePollAsync(db, user, pollId, tracked: true, ct);
        return rights.CanControl ? (poll, meeting) : throw new AccessDeniedException();
    }

    private Poll NewPoll(Guid meetingId, Guid itemId, PollKind kind, bool secret, PollMajority majority, string question, IReadOnlyList<string> candidates)
    {
        var id = Guid.NewGuid();
        return new Poll
        {
            Id = id,
            ElectionId = id,
            MeetingId = meetingId,
            AgendaItemId = itemId,
            Kind = kind,
            IsSecret = secret,
            Majority = majority,
            Question = question,
            CreatedAt = clock.GetUtcNow(),
            Candidates = [.. candidates.Select((name, i) => new PollCandidate { PollId = id, Position = i + 1, Name = name })],
        };
    }

    private static (string Question, IReadOnlyList<string> Candidates) Validate(PollInput input)
    {
        var errors = new List<FieldError>();
        var question = InputRules.Trimmed(input.Question);
        if (question is null)
        {
            errors.Add(new FieldError(nameof(PollInput.Question), "Votes.QuestionRequired"));
        }
        else if (question.Length > Poll.MaxQuestionLength)
        {
            errors.Add(new FieldError(nameof(PollInput.Question), "Votes.QuestionTooLong"));
        }
        if (!Enum.IsDefined(input.Kind) || !Enum.IsDefined(input.Majority))
        {
            errors.Add(new FieldError(nameof(PollInput.Kind), "Votes.BadKind"));
        }
        List<string> candidates = [];
        if (input.Kind == PollKind.Election)
        {
            candidates = [.. (input.Candidates ?? "").Split('\n').Select(c => c.Trim()).Where(c => c.Length > 0)];
            if (candidates.Count < 2)
            {
                errors.Add(new FieldError(nameof(PollInput.Candidates), "Votes.CandidatesTooFew"));
            }
            else if (candidates.Count > Poll.MaxCandidates)
            {
                errors.Add(new FieldError(nameof(PollInput.Candidates), "Votes.CandidatesTooMany"));
            }
            else if (candidates.Any(c => c.Length > PollCandidate.MaxNameLength))
            {
                errors.Add(new FieldError(nameof(PollInput.Candidates), "Votes.CandidateTooLong"));
            }
            else if (candidates.Distinct(StringComparer.OrdinalIgnoreCase).Count() != candidates.Count)
            {
                errors.Add(new FieldError(nameof(PollInput.Candidates), "Votes.CandidateTwice"));
            }
        }
        return errors.Count > 0 ? throw new InputValidationException(errors) : (question!, candidates);
    }

    private static void EnsureRunning(Meeting meeting)
    {
        if (meeting.Status != MeetingStatus.InProgress)
        {
            throw Invalid("Run.NotRunning");
        }
    }

    private static InputValidationException Invalid(string key) => new([new FieldError("Poll", key)]);

    private static string InDanish(Func<string> text)
    {
        var before = CultureInfo.CurrentUICulture;
        var beforeFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("da-DK");
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
            CultureInfo.CurrentCulture = beforeFormat;
        }
    }

    private void Publish(Poll poll, WorkspaceUser user) =>
        notifier.Publish(new MeetingChange(poll.MeetingId, MeetingChangeKind.PollChanged, poll.AgendaItemId, user.PersonId, user.Name));

    /// <summary>A vote is told without its voter (during a secret vote nobody learns who voted when), in batches.</summary>
    private void PublishProgress(Poll poll)
    {
        if (!_progressPending.TryAdd(poll.Id, 0))
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            await Task.Delay(ProgressBatching, clock);
            _progressPending.TryRemove(poll.Id, out _);
            notifier.Publish(new MeetingChange(poll.MeetingId, MeetingChangeKind.PollChanged, poll.AgendaItemId, null, null));
        });
    }
}
