using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Members;

namespace Workspace.Web.Features.Speakers;

/// <summary>
/// The list of speakers (talerliste) of the item the running meeting is at. Members and substitutes stepping in ask for the
/// floor and withdraw their own request; the administration and the chair (<see cref="CouncilRights.CanControl"/>) order
/// the queue, give and end the floor, set the speaking time, add and remove requests and close the list. Every call checks
/// the rights, the meeting's status and its current item as they are now. Requests need no registered presence (an online
/// member may not be registered yet) but are refused to someone registered absent, gone, or replaced by a substitute.
/// Every change renews the list's stamp, so two changes from the same state never both land: a change without an
/// expectation (a request) is tried again on the new state, a move that saw another order is refused as a conflict.
/// </summary>
public sealed class SpeakerListService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    CouncilAccess access,
    IMeetingNotifier notifier,
    LiveAccess live,
    TimeProvider clock)
{
    private const int Attempts = 4;

    // Keyed by the change the notifier hands to every page of this node (as in LiveItemReads): never stale, gone with it.
    private readonly ConditionalWeakTable<MeetingChange, Lazy<Task<StoredSpeakerList?>>> _current = new();

    /// <summary>The list of the meeting's current item; null when the meeting is at no item or at a closed item the viewer may not read.</summary>
    public async Task<SpeakerListView?> CurrentAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, rights) = await access.ReadableMeetingAsync(db, user, meetingId, ct);
        if (meeting.CurrentItemId is not { } itemId)
        {
            return null;
        }
        var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null || (item.IsClosed && !rights.CanSeeClosedItems))
        {
            return null;
        }
        return await ViewAsync(db, user, meeting, rights, item, ct);
    }

    /// <summary>The list of any item the viewer may read (for the record of a held meeting too).</summary>
    public async Task<SpeakerListView> ListAsync(WorkspaceUser user, Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new NotFoundException();
        var (meeting, rights) = await access.ReadableMeetingAsync(db, user, item.MeetingId, ct);
        if (item.IsClosed && !rights.CanSeeClosedItems)
        {
            throw new NotFoundException();
        }
        return await ViewAsync(db, user, meeting, rights, item, ct);
    }

    /// <summary>
    /// Who spoke at the meeting, item by item in agenda order, for the record of a held meeting: only the items the viewer
    /// may read, only speeches that were given the floor. A speech still open when the meeting ended ends with it.
    /// </summary>
    public async Task<ValueList<SpeakerRecordItem>> RecordAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, rights) = await access.ReadableMeetingAsync(db, user, meetingId, ct);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        var readable = items.Where(i => rights.CanSeeClosedItems || !i.IsClosed).Select(i => i.Id).ToHashSet();
        var rows = await db.SpeakerRequests.AsNoTracking()
            .Where(r => r.AgendaItem!.MeetingId == meetingId && r.GivenFloorAt != null && r.WithdrawnAt == null)
            .Select(r => new { Request = r, Name = r.Person!.Name })
            .ToListAsync(ct);
        var names = rows.ToDictionary(r => r.Request.Id, r => r.Name);
        return new ValueList<SpeakerRecordItem>(AgendaNumbering.InOrder(items)
            .Where(n => readable.Contains(n.Item.Id))
            .Select(n => new SpeakerRecordItem(n.Item.Id, n.Number, n.Item.Title, new ValueList<SpeakerEntry>(rows
                .Where(r => r.Request.AgendaItemId == n.Item.Id)
                .OrderBy(r => r.Request.GivenFloorAt)
                .Select(r => r.Request)
                .Select(r => new SpeakerEntry(r.Id, r.PersonId, names[r.Id], r.Kind, r.Channel, r.RepliesToId,
                    r.RepliesToId is { } to ? names.GetValueOrDefault(to) : null, r.RequestedAt, r.GivenFloorAt,
                    r.EndedAt ?? meeting.EndedAt ?? r.GivenFloorAt, r.AllottedSeconds)))))
            .Where(i => i.Spoken.Count > 0));
    }

    /// <summary>
    /// The list for the room screen, which its page has authorized: nothing for a closed item unless the screen shows
    /// closed items, nothing for an item of another meeting.
    /// </summary>
    public async Task<SpeakerScreenView?> ScreenAsync(Guid meetingId, Guid? itemId, bool showClosedItems, int next = 5, CancellationToken ct = default)
    {
        if (itemId is not { } id)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.MeetingId == meetingId, ct);
        if (item is null || (item.IsClosed && !showClosedItems))
        {
            return null;
        }
        var list = await db.SpeakerLists.AsNoTracking().SingleOrDefaultAsync(l => l.AgendaItemId == id, ct);
        var entries = await EntriesAsync(db, id, ct);
        var waiting = entries.Waiting;
        return new SpeakerScreenView(id, list?.IsClosed ?? false, entries.Speaking, new ValueList<SpeakerEntry>(waiting.Take(next)), waiting.Count);
    }

    /// <summary>A member or a substitute stepping in asks for the floor on the current item ("Bed om ordet", "Replik").</summary>
    public Task RequestAsync(WorkspaceUser user, Guid itemId, SpeechKind kind, AttendanceChannel? channel = null, CancellationToken ct = default) =>
        ChangeAsync(user, itemId, control: false, async context =>
        {
            var seats = await SeatStateAsync(context.Db, context.Meeting.Id, ct);
            var blocked = RequestBlocked(seats, context.List, user.PersonId!.Value, context.Rights);
            if (blocked is not null)
            {
                throw Invalid(blocked);
            }
            if (SpeakerQueue.Waiting(context.Requests).Any(r => r.PersonId == user.PersonId && r.Kind == kind))
            {
                throw Invalid(kind == SpeechKind.Reply ? "Speakers.AlreadyWaitingReply" : "Speakers.AlreadyWaiting");
            }
            var registered = RegisteredChannel(seats, user.PersonId!.Value);
            AddRequest(context, user.PersonId!.Value, kind, registered ?? channel ?? AttendanceChannel.Online, addedBy: null);
        }, ct);

    /// <summary>The requester withdraws her own waiting request ("Træk anmodning tilbage").</summary>
    public Task WithdrawAsync(WorkspaceUser user, Guid requestId, CancellationToken ct = default) =>
        ChangeRequestAsync(user, requestId, control: false, (context, request) =>
        {
            if (request.PersonId != user.PersonId)
            {
                throw new AccessDeniedException();
            }
            EnsureWaiting(request);
            request.WithdrawnAt = clock.GetUtcNow();
            request.WithdrawnById = user.PersonId;
            SpeakerQueue.Renumber(SpeakerQueue.Waiting(context.Requests));
        }, ct);

    /// <summary>The chair puts someone who asked in the room on the list.</summary>
    public Task AddAsync(WorkspaceUser user, Guid itemId, Guid personId, SpeechKind kind, CancellationToken ct = default) =>
        ChangeAsync(user, itemId, control: true, async context =>
        {
            var seats = await SeatStateAsync(context.Db, context.Meeting.Id, ct);
            var candidate = (await CandidatesAsync(context.Db, context.Meeting, seats, ct)).FirstOrDefault(c => c.PersonId == personId)
                ?? throw Invalid("Speakers.NotACandidate");
            if (SpeakerQueue.Waiting(context.Requests).Any(r => r.PersonId == personId && r.Kind == kind))
            {
                throw Invalid(kind == SpeechKind.Reply ? "Speakers.OtherAlreadyWaitingReply" : "Speakers.OtherAlreadyWaiting");
            }
            AddRequest(context, personId, kind, candidate.Channel, addedBy: user.PersonId);
        }, ct);

    /// <summary>The chair takes a waiting request off the list; it stays in the record as removed.</summary>
    public Task RemoveAsync(WorkspaceUser user, Guid requestId, CancellationToken ct = default) =>
        ChangeRequestAsync(user, requestId, control: true, (context, request) =>
        {
            EnsureWaiting(request);
            request.WithdrawnAt = clock.GetUtcNow();
            request.WithdrawnById = user.PersonId;
            SpeakerQueue.Renumber(SpeakerQueue.Waiting(context.Requests));
        }, ct);

    /// <summary>
    /// Moves a waiting request one place up (-1) or down (+1). <paramref name="expectedNeighbourId"/> is the request the
    /// chair saw in that place: when the queue changed there meanwhile, the move is refused (a conflict) instead of
    /// swapping with someone else.
    /// </summary>
    public Task MoveAsync(WorkspaceUser user, Guid requestId, int direction, Guid expectedNeighbourId, CancellationToken ct = default) =>
        ChangeRequestAsync(user, requestId, control: true, (context, request) =>
        {
            EnsureWaiting(request);
            var waiting = SpeakerQueue.Waiting(context.Requests);
            var at = waiting.FindIndex(r => r.Id == requestId);
            var neighbour = at + direction >= 0 && at + direction < waiting.Count ? waiting[at + direction] : null;
            if (direction is not (1 or -1) || neighbour is null)
            {
                throw Invalid("Speakers.CannotMove");
            }
            if (neighbour.Id != expectedNeighbourId)
            {
                throw new ConcurrencyConflictException();
            }
            SpeakerQueue.Move(waiting, requestId, direction);
        }, ct);

    /// <summary>
    /// Gives the floor ("Giv ordet") with the list's speaking time. Whoever speaks at the meeting stops: one speaker at a time.
    /// </summary>
    public Task GiveFloorAsync(WorkspaceUser user, Guid requestId, CancellationToken ct = default) =>
        ChangeRequestAsync(user, requestId, control: true, async (context, request) =>
        {
            EnsureWaiting(request);
            var now = clock.GetUtcNow();
            var speaking = await context.Db.SpeakerRequests
                .Where(r => r.AgendaItem!.MeetingId == context.Meeting.Id && r.GivenFloorAt != null && r.EndedAt == null)
                .ToListAsync(ct);
            foreach (var other in speaking)
            {
                other.EndedAt = now;
            }
            request.GivenFloorAt = now;
            request.AllottedSeconds = context.List.SpeakingSeconds;
            SpeakerQueue.Renumber(SpeakerQueue.Waiting(context.Requests));
        }, ct);

    /// <summary>Ends a speech ("Afslut taletid"); a speech that already ended stays as it was.</summary>
    public Task EndSpeechAsync(WorkspaceUser user, Guid requestId, CancellationToken ct = default) =>
        ChangeRequestAsync(user, requestId, control: true, (context, request) =>
        {
            if (request.GivenFloorAt is null)
            {
                throw Invalid("Speakers.NotSpeaking");
            }
            request.EndedAt ??= clock.GetUtcNow();
        }, ct);

    /// <summary>Sets the speaking time (30 seconds to 10 minutes, or none) for the one speaking now and those after.</summary>
    public Task SetSpeakingTimeAsync(WorkspaceUser user, Guid itemId, int? seconds, CancellationToken ct = default)
    {
        if (seconds is < SpeakerList.SpeakingSecondsMin or > SpeakerList.SpeakingSecondsMax)
        {
            throw Invalid("Speakers.BadSpeakingTime");
        }
        return ChangeAsync(user, itemId, control: true, context =>
        {
            context.List.SpeakingSeconds = seconds;
            foreach (var speaking in context.Requests.Where(r => r.IsSpeaking))
            {
                speaking.AllottedSeconds = seconds;
            }
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Closes the list for new requests ("Luk talerlisten") or opens it again; the chair can still add people.</summary>
    public Task SetClosedAsync(WorkspaceUser user, Guid itemId, bool closed, CancellationToken ct = default) =>
        ChangeAsync(user, itemId, control: true, context =>
        {
            context.List.IsClosed = closed;
            return Task.CompletedTask;
        }, ct);

    private sealed record ListContext(WorkspaceDbContext Db, Meeting Meeting, CouncilRights Rights, AgendaItem Item, SpeakerList List, List<SpeakerRequest> Requests);

    private void AddRequest(ListContext context, Guid personId, SpeechKind kind, AttendanceChannel channel, Guid? addedBy)
    {
        Guid? repliesTo = null;
        if (kind == SpeechKind.Reply)
        {
            var target = SpeakerQueue.ReplyTarget(context.Requests) ?? throw Invalid("Speakers.NothingToReplyTo");
            if (target.PersonId == personId)
            {
                throw Invalid("Speakers.NoReplyToSelf");
            }
            repliesTo = target.Id;
        }
        var request = new SpeakerRequest
        {
            AgendaItemId = context.Item.Id,
            PersonId = personId,
            Kind = kind,
            Channel = channel,
            RepliesToId = repliesTo,
            RequestedAt = clock.GetUtcNow(),
            AddedById = addedBy,
        };
        SpeakerQueue.Add(SpeakerQueue.Waiting(context.Requests), request);
        context.Db.SpeakerRequests.Add(request);
    }

    private Task ChangeRequestAsync(WorkspaceUser user, Guid requestId, bool control, Action<ListContext, SpeakerRequest> change, CancellationToken ct) =>
        ChangeRequestAsync(user, requestId, control, (context, request) =>
        {
            change(context, request);
            return Task.CompletedTask;
        }, ct);

    private async Task ChangeRequestAsync(WorkspaceUser user, Guid requestId, bool control, Func<ListContext, SpeakerRequest, Task> change, CancellationToken ct)
    {
        Guid itemId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            itemId = await db.SpeakerRequests.Where(r => r.Id == requestId).Select(r => (Guid?)r.AgendaItemId).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException();
        }
        await ChangeAsync(user, itemId, control, context => change(context, context.Requests.Single(r => r.Id == requestId)), ct);
    }

    /// <summary>
    /// Loads the item's list on the current state, checks the caller's rights there, applies the change and saves it with
    /// a renewed stamp; on a stamp or key clash (someone changed the list meanwhile) the whole thing runs again on the new state.
    /// </summary>
    private async Task ChangeAsync(WorkspaceUser user, Guid itemId, bool control, Func<ListContext, Task> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new NotFoundException();
            var (meeting, rights) = control
                ? await access.ControlledMeetingAsync(db, user, item.MeetingId, ct)
                : await access.ReadableMeetingAsync(db, user, item.MeetingId, ct);
            if (item.IsClosed && !rights.CanSeeClosedItems)
            {
                throw new NotFoundException();
            }
            if (!control && !rights.ActsAsMember)
            {
                throw new AccessDeniedException();
            }
            if (meeting.Status != MeetingStatus.InProgress)
            {
                throw Invalid("Speakers.NotRunning");
            }
            if (meeting.CurrentItemId != item.Id)
            {
                throw Invalid("Speakers.NotCurrentItem");
            }
            var list = await db.SpeakerLists.SingleOrDefaultAsync(l => l.AgendaItemId == itemId, ct);
            if (list is null)
            {
                list = new SpeakerList { AgendaItemId = itemId };
                db.SpeakerLists.Add(list);
            }
            var requests = await db.SpeakerRequests.Where(r => r.AgendaItemId == itemId).ToListAsync(ct);
            await change(new ListContext(db, meeting, rights, item, list, requests));
            list.Version++;
            try
            {
                await db.SaveAsAsync(user, ct);
            }
            catch (Exception ex) when (ex is ConcurrencyConflictException or DbUpdateException && attempt < Attempts)
            {
                // Someone changed the list (or made it) at the same moment: decide again on what is there now.
                continue;
            }
            catch (DbUpdateException)
            {
                throw new ConcurrencyConflictException();
            }
            notifier.Publish(new MeetingChange(meeting.Id, MeetingChangeKind.SpeakersChanged, itemId, user.PersonId, user.Name));
            return;
        }
    }

    private async Task<SpeakerListView> ViewAsync(WorkspaceDbContext db, WorkspaceUser user, Meeting meeting, CouncilRights rights, AgendaItem item, CancellationToken ct) =>
        ViewFor(await StoredAsync(db, meeting, item, ct), user, rights);

    /// <summary>
    /// The list of the meeting's current item for a viewer after a change: one read for all the node's pages that ask about
    /// the same change (the list, the attendance and the seats are the same for everyone), each made into the viewer's view
    /// with the viewer's rights as <see cref="LiveAccess"/> knows them now. Null as <see cref="CurrentAsync"/>.
    /// </summary>
    public async Task<SpeakerListView?> CurrentAfterAsync(MeetingChange change, WorkspaceUser user)
    {
        var reader = await live.ReaderAsync(user, change.MeetingId);
        if (!reader.CanRead)
        {
            throw new NotFoundException();
        }
        var stored = await _current.GetValue(change, c => new Lazy<Task<StoredSpeakerList?>>(() => StoredCurrentAsync(c.MeetingId))).Value;
        return stored is null || !reader.CanReadItem(stored.Item.Id) ? null : ViewFor(stored, user, reader.Rights);
    }

    private async Task<StoredSpeakerList?> StoredCurrentAsync(Guid meetingId)
    {
        // Shared by the node's pages, so no one page's cancellation ends it.
        var ct = CancellationToken.None;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting?.CurrentItemId is not { } itemId || await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct) is not { } item)
        {
            return null;
        }
        return await StoredAsync(db, meeting, item, ct);
    }

    /// <summary>Everything an item's list shows, the same for every viewer; <see cref="ViewFor"/> makes one viewer's view of it.</summary>
    private sealed record StoredSpeakerList(Meeting Meeting, AgendaItem Item, string Number, SpeakerList? List, Entries Entries,
        SeatState Seats, IReadOnlyList<SpeakerCandidate> Candidates)
    {
        public bool IsRunningHere => Meeting.Status == MeetingStatus.InProgress && Meeting.CurrentItemId == Item.Id;
    }

    private static async Task<StoredSpeakerList> StoredAsync(WorkspaceDbContext db, Meeting meeting, AgendaItem item, CancellationToken ct)
    {
        var list = await db.SpeakerLists.AsNoTracking().SingleOrDefaultAsync(l => l.AgendaItemId == item.Id, ct);
        var entries = await EntriesAsync(db, item.Id, ct);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meeting.Id).ToListAsync(ct);
        var number = AgendaNumbering.InOrder(items).FirstOrDefault(n => n.Item.Id == item.Id).Number ?? "";
        if (!(meeting.Status == MeetingStatus.InProgress && meeting.CurrentItemId == item.Id))
        {
            // Nobody may ask for the floor or control a list the meeting is not at: no one's abilities to work out.
            return new StoredSpeakerList(meeting, item, number, list, entries, SeatState.None, []);
        }
        var seats = await SeatStateAsync(db, meeting.Id, ct);
        return new StoredSpeakerList(meeting, item, number, list, entries, seats, await CandidatesAsync(db, meeting, seats, ct));
    }

    private static SpeakerListView ViewFor(StoredSpeakerList stored, WorkspaceUser user, CouncilRights rights)
    {
        var (meeting, item, list, entries) = (stored.Meeting, stored.Item, stored.List, stored.Entries);
        var canControl = rights.CanControl && stored.IsRunningHere;
        SpeakerAbilities me;
        if (!stored.IsRunningHere || user.PersonId is not { } personId)
        {
            me = canControl ? SpeakerAbilities.ReadOnly with { CanControl = true } : SpeakerAbilities.ReadOnly;
        }
        else if (!rights.ActsAsMember)
        {
            me = new SpeakerAbilities(canControl, false, rights.RemarksAwaitCallInAt(meeting.Status) ? "Speakers.SubstituteNotCalledIn" : null, null);
        }
        else
        {
            var blocked = RequestBlocked(stored.Seats, list, personId, rights);
            me = new SpeakerAbilities(canControl, blocked is null, blocked, RegisteredChannel(stored.Seats, personId));
        }
        return new SpeakerListView(meeting.Id, item.Id, stored.Number, item.Title, list?.IsClosed ?? false, list?.SpeakingSeconds, list?.Version ?? 0,
            entries.Speaking, new ValueList<SpeakerEntry>(entries.Waiting), new ValueList<SpeakerEntry>(entries.Spoken), me, user.PersonId,
            new ValueList<SpeakerCandidate>(canControl ? stored.Candidates : []));
    }

    private sealed record ConfirmedCall(Guid SubstituteId, Guid ForMemberId);

    /// <summary>The meeting's confirmed call-ins and its attendance rows: who may ask for the floor and whom the chair can add.</summary>
    private sealed record SeatState(IReadOnlyList<ConfirmedCall> Confirmed, IReadOnlyList<Data.Entities.Attendance> Attendance)
    {
        public static SeatState None { get; } = new([], []);
    }

    private static async Task<SeatState> SeatStateAsync(WorkspaceDbContext db, Guid meetingId, CancellationToken ct) => new(
        await db.SubstituteCalls.AsNoTracking()
            .Where(c => c.MeetingId == meetingId && c.Status == SubstituteCallStatus.Confirmed)
            .Select(c => new ConfirmedCall(c.SubstituteId, c.ForMemberId))
            .ToListAsync(ct),
        await db.Attendances.AsNoTracking().Where(a => a.MeetingId == meetingId && a.PersonId != null).ToListAsync(ct));

    private sealed record Entries(SpeakerEntry? Speaking, List<SpeakerEntry> Waiting, List<SpeakerEntry> Spoken);

    private static async Task<Entries> EntriesAsync(WorkspaceDbContext db, Guid itemId, CancellationToken ct)
    {
        var rows = await db.SpeakerRequests.AsNoTracking()
            .Where(r => r.AgendaItemId == itemId && r.WithdrawnAt == null)
            .Select(r => new { Request = r, Name = r.Person!.Name })
            .ToListAsync(ct);
        var names = rows.ToDictionary(r => r.Request.Id, r => r.Name);
        SpeakerEntry Entry(SpeakerRequest r) => new(r.Id, r.PersonId, names[r.Id], r.Kind, r.Channel, r.RepliesToId,
            r.RepliesToId is { } to ? names.GetValueOrDefault(to) : null, r.RequestedAt, r.GivenFloorAt, r.EndedAt, r.AllottedSeconds);
        var requests = rows.Select(r => r.Request).ToList();
        var speaking = requests.Where(r => r.IsSpeaking).OrderByDescending(r => r.GivenFloorAt).FirstOrDefault();
        return new Entries(
            speaking is null ? null : Entry(speaking),
            [.. SpeakerQueue.Waiting(requests).Select(Entry)],
            [.. requests.Where(r => r.GivenFloorAt is not null && r != speaking).OrderBy(r => r.GivenFloorAt).Select(Entry)]);
    }

    /// <summary>Why the person may not ask for the floor now (a resource key), or null.</summary>
    private static string? RequestBlocked(SeatState seats, SpeakerList? list, Guid personId, CouncilRights rights)
    {
        if (!rights.ActsAsMember)
        {
            return "Speakers.SubstituteNotCalledIn";
        }
        if (seats.Confirmed.Any(c => c.ForMemberId == personId))
        {
            return "Speakers.Replaced";
        }
        var row = seats.Attendance.FirstOrDefault(a => a.PersonId == personId);
        if (row is { Presence: PresenceStatus.Apologies or PresenceStatus.AbsentWithoutNotice })
        {
            return "Speakers.RegisteredAbsent";
        }
        if (row is { LeftAt: not null })
        {
            return "Speakers.HasLeft";
        }
        return list is { IsClosed: true } ? "Speakers.ListClosed" : null;
    }

    /// <summary>The channel registered for someone present and still there; null when not registered present.</summary>
    private static AttendanceChannel? RegisteredChannel(SeatState seats, Guid personId) =>
        seats.Attendance.Where(a => a.PersonId == personId && a.Presence == PresenceStatus.Present && a.LeftAt == null)
            .Select(a => (AttendanceChannel?)a.Channel)
            .FirstOrDefault();

    /// <summary>
    /// Whom the chair can add: the members (less those a substitute replaces), the substitutes stepping in and the
    /// administration on the meeting's lists, registered present and still there, or not registered yet; by name.
    /// </summary>
    private static async Task<List<SpeakerCandidate>> CandidatesAsync(WorkspaceDbContext db, Meeting meeting, SeatState state, CancellationToken ct)
    {
        var day = Term.DayOf(meeting.StartsAt);
        var (confirmed, rows) = (state.Confirmed, state.Attendance);
        var seats = (await db.Memberships.AsNoTracking()
                .Where(m => m.CouncilId == meeting.CouncilId)
                .Select(m => new { m.PersonId, m.Person!.Name, m.Kind, m.TermStart, m.TermEnd })
                .ToListAsync(ct))
            .Where(m => Term.Covers(m.TermStart, m.TermEnd, day))
            .Where(m => m.Kind switch
            {
                MembershipKind.Member => confirmed.All(c => c.ForMemberId != m.PersonId),
                MembershipKind.Substitute => confirmed.Any(c => c.SubstituteId == m.PersonId),
                _ => true,
            })
            .ToList();
        return seats
            .Select(s => (Seat: s, Row: rows.FirstOrDefault(r => r.PersonId == s.PersonId)))
            .Where(x => x.Row is null || (x.Row.Presence is PresenceStatus.Present or PresenceStatus.NotRegistered && x.Row.LeftAt is null))
            .DistinctBy(x => x.Seat.PersonId)
            .OrderBy(x => x.Seat.Name, StringComparer.CurrentCulture)
            .Select(x => new SpeakerCandidate(x.Seat.PersonId, x.Seat.Name,
                x.Row is { Presence: PresenceStatus.Present } ? x.Row.Channel : AttendanceChannel.Room))
            .ToList();
    }

    private static void EnsureWaiting(SpeakerRequest request)
    {
        if (!request.IsWaiting)
        {
            throw Invalid("Speakers.NoLongerWaiting");
        }
    }

    private static InputValidationException Invalid(string key) => new([new FieldError("Speakers", key)]);
}
