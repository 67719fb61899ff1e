using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Agenda;
using Workspace.Web.Features.Meetings;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Agenda;

/// <summary>A fresh published meeting of Udsatterådet per test, so tests sharing a database never see each other's agenda.</summary>
public sealed class AgendaScenario(WorkspaceFactory factory)
{
    public MeetingService Meetings => factory.Service<MeetingService>();

    public AgendaService Agenda => factory.Service<AgendaService>();

    public Task<WorkspaceUser> SecretaryAsync() => factory.UserAsync(DevSignIn.Administration);

    /// <summary>Creates and publishes a meeting on the given day with one main item per title, 15 minutes each.</summary>
    public async Task<Guid> MeetingAsync(DateTime date, params string[] titles)
    {
        var secretary = await SecretaryAsync();
        var councilId = (await DemoIds.LoadAsync(factory)).Udsatteraadet;
        var meetingId = await Meetings.CreateMeetingAsync(secretary, councilId, new MeetingInput
        {
            Title = "Testmøde",
            Date = date,
            StartTime = new TimeSpan(16, 0, 0),
            EndTime = new TimeSpan(18, 0, 0),
            Place = "Rådhuset, mødelokale 2",
            UseAgendaTemplate = false,
        }, Ct);
        foreach (var title in titles)
        {
            await Meetings.AddItemAsync(secretary, meetingId, new AgendaItemInput { Title = title, AllottedMinutes = 15 }, Ct);
        }
        await Meetings.PublishAsync(secretary, meetingId, Ct);
        return meetingId;
    }

    public async Task<Guid> ItemAsync(Guid meetingId, string title)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.AgendaItems.Where(i => i.MeetingId == meetingId && i.Title == title).Select(i => i.Id).SingleAsync(Ct);
    }

    /// <summary>The agenda as shown: "1 Velkomst, 2 Budget, 2a Drøftelse".</summary>
    public async Task<string> OutlineAsync(Guid meetingId)
    {
        var meeting = await Meetings.GetMeetingAsync(await SecretaryAsync(), meetingId, Ct);
        return string.Join(", ", meeting.Items.Select(i => $"{i.Number} {i.Title}"));
    }

    public async Task<AgendaItem> StoredAsync(Guid itemId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == itemId, Ct);
    }
}
