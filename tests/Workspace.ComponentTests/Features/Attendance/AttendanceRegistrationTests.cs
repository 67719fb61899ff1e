using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Attendance;

namespace Workspace.ComponentTests.Features.Attendance;

/// <summary>
/// The secretary's registration in the attendance panel (everyone present at once, apologies with a reason that propose
/// the next substitute, the guest field) and what a member sees of it in their own panel.
/// </summary>
public sealed class AttendanceRegistrationTests : ComponentTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private AttendanceService Attendance => Services.GetRequiredService<AttendanceService>();

    [Fact]
    public async Task Member_registered_present_by_the_secretary_sees_it_in_their_panel()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        await Attendance.RegisterPresenceAsync(UserFor("Iben Sørensen"), meetingId, mia.PersonId!.Value, PresenceStatus.Present, ct: Ct);
        var overview = await Attendance.GetOverviewAsync(mia, meetingId, Ct);

        // Act
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));

        // Assert
        Assert.Equal("Registreret på mødet: Til stede", cut.Find("[data-testid=my-presence]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=my-response]"));
        Assert.DoesNotContain("Ikke svaret endnu", cut.Find("[data-testid=my-answer]").TextContent);
    }

    [Fact]
    public async Task Members_own_apologies_are_not_repeated_as_a_registration()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        await Attendance.RespondAsync(mia, meetingId, InvitationResponse.Apologies, "Syg", Ct);
        var overview = await Attendance.GetOverviewAsync(mia, meetingId, Ct);

        // Act
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));

        // Assert
        Assert.Equal("Afbud", cut.Find("[data-testid=my-response]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=my-presence]"));
    }

    [Fact]
    public async Task Secretary_registers_everyone_present_with_one_button_and_is_told_how_many()
    {
        // Arrange: Poul has sent apologies, so he stays as he is
        var secretary = SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        await Attendance.RespondAsync(UserFor("Poul Skovbo"), meetingId, InvitationResponse.Apologies, null, Ct);
        var overview = await Attendance.GetOverviewAsync(secretary, meetingId, Ct);
        var changed = false;
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview).Add(x => x.OnChanged, () => changed = true));
        var button = cut.Find("[data-testid=register-all-present]");
        var help = cut.Find("#" + button.GetAttribute("aria-describedby"));

        // Act
        await button.ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal("Registrér alle som mødt", button.TextContent.Trim());
        Assert.Contains(": 9.", help.TextContent);
        var status = cut.Find("[data-testid=attendance-status]");
        Assert.Equal("status", status.GetAttribute("role"));
        Assert.Equal("Registreret som mødt: 9.", status.TextContent);
        Assert.True(changed);
        await using var db = CreateDbContext();
        var presence = await db.Attendances.Where(a => a.MeetingId == meetingId && a.Role == AttendanceRole.Member).Select(a => a.Presence).ToListAsync(Ct);
        Assert.Equal(9, presence.Count(p => p == PresenceStatus.Present));
        Assert.Equal(1, presence.Count(p => p == PresenceStatus.Apologies));
    }

    [Fact]
    public async Task Button_for_everyone_present_is_gone_when_everyone_is_registered()
    {
        // Arrange
        var secretary = SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        await Attendance.RegisterAllPresentAsync(secretary, meetingId, Ct);
        var overview = await Attendance.GetOverviewAsync(secretary, meetingId, Ct);

        // Act
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=register-all-present]"));
    }

    [Fact]
    public async Task Secretary_registers_apologies_in_one_click_the_next_substitute_is_proposed_and_the_reason_follows()
    {
        // Arrange
        var secretary = SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var poul = UserFor("Poul Skovbo").PersonId!.Value;
        var overview = await Attendance.GetOverviewAsync(secretary, meetingId, Ct);
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));

        // Act: one click registers the apologies; the reason is given after, under the name
        await cut.Find("[data-testid=attendee][data-person='Poul Skovbo'] button[data-presence=Apologies]").ClickAsync(new MouseEventArgs());
        await using (var registered = CreateDbContext())
        {
            Assert.Equal(PresenceStatus.Apologies, (await registered.Attendances.SingleAsync(a => a.MeetingId == meetingId && a.PersonId == poul, Ct)).Presence);
        }
        var form = cut.Find("[data-testid=attendee][data-person='Poul Skovbo'] [data-testid=apologies-form]").TextContent;
        var buttonName = cut.Find("[data-testid=save-apologies-reason]").GetAttribute("aria-label");
        cut.Find("[data-testid=apologies-form] input").Input("Syg");
        await cut.Find("[data-testid=save-apologies-reason]").ClickAsync(new MouseEventArgs());
        var reloaded = await Attendance.GetOverviewAsync(secretary, meetingId, Ct);
        cut.Render(p => p.Add(x => x.Overview, reloaded));

        // Assert
        Assert.Contains("Begrundelse for afbud (valgfri)", form);
        Assert.Equal("Gem begrundelse for afbud fra Poul Skovbo", buttonName);
        Assert.Empty(cut.FindAll("[data-testid=apologies-form]"));
        await using var db = CreateDbContext();
        var row = await db.Attendances.SingleAsync(a => a.MeetingId == meetingId && a.PersonId == poul, Ct);
        Assert.Equal((InvitationResponse.Apologies, "Syg", PresenceStatus.Apologies), (row.Response, row.ResponseNote, row.Presence));
        Assert.Single(await db.SubstituteCalls.Where(c => c.MeetingId == meetingId && c.ForMemberId == poul).ToListAsync(Ct));
        Assert.Contains("Carsten Lykke foreslås indkaldt for Poul Skovbo", cut.Find("[data-testid=proposed-call]").TextContent);
        Assert.Contains("Afbud: Syg", cut.Find("[data-testid=attendee][data-person='Poul Skovbo']").TextContent);
    }

    [Fact]
    public async Task Presence_is_one_pressed_button_per_person_in_a_named_group_and_pressing_it_again_takes_it_back()
    {
        // Arrange
        var secretary = SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var mia = UserFor("Mia Kragh").PersonId!.Value;
        await Attendance.RegisterPresenceAsync(secretary, meetingId, mia, PresenceStatus.Present, ct: Ct);
        var overview = await Attendance.GetOverviewAsync(secretary, meetingId, Ct);
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));
        var group = cut.Find("[data-testid=attendee][data-person='Mia Kragh'] [data-testid=presence-choice]");

        // Act
        await cut.Find("[data-testid=attendee][data-person='Mia Kragh'] button[data-presence=Present]").ClickAsync(new MouseEventArgs());

        // Assert: a group named after the person, plain buttons saying which one is pressed, no select per person
        Assert.Equal(("group", "Fremmøde for Mia Kragh"), (group.GetAttribute("role"), group.GetAttribute("aria-label")));
        Assert.Equal([("Til stede", "true"), ("Afbud", "false"), ("Uden afbud", "false")],
            group.QuerySelectorAll("button").Select(b => (b.TextContent.Trim(), b.GetAttribute("aria-pressed"))));
        Assert.All(group.QuerySelectorAll("button"), b => Assert.Equal("button", b.GetAttribute("type")));
        Assert.Empty(cut.FindComponents<MudSelect<PresenceStatus>>());
        await using var db = CreateDbContext();
        Assert.Equal(PresenceStatus.NotRegistered, (await db.Attendances.SingleAsync(a => a.MeetingId == meetingId && a.PersonId == mia, Ct)).Presence);
    }

    [Fact]
    public async Task Too_long_reason_gets_a_Danish_message_next_to_the_field_and_keeps_what_was_typed()
    {
        // Arrange
        var secretary = SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var overview = await Attendance.GetOverviewAsync(secretary, meetingId, Ct);
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));
        await cut.Find("[data-testid=attendee][data-person='Mia Kragh'] button[data-presence=Apologies]").ClickAsync(new MouseEventArgs());
        var typed = new string('x', AttendanceService.NoteMax + 1);

        // Act
        cut.Find("[data-testid=apologies-form] input").Input(typed);
        await cut.Find("[data-testid=save-apologies-reason]").ClickAsync(new MouseEventArgs());

        // Assert: the apologies stand, the reason is refused and kept in the field
        var input = cut.Find("[data-testid=apologies-form] input");
        Assert.Equal(typed, input.GetAttribute("value"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("Teksten er for lang.", cut.Find("[data-testid=apologies-form]").TextContent);
        await using var db = CreateDbContext();
        var row = await db.Attendances.SingleAsync(a => a.MeetingId == meetingId && a.PersonId == UserFor("Mia Kragh").PersonId, Ct);
        Assert.Equal((PresenceStatus.Apologies, (string?)null), (row.Presence, row.ResponseNote));
    }

    [Fact]
    public async Task Guest_field_has_a_short_label_with_the_details_as_help_and_its_button_beside_it()
    {
        // Arrange
        var secretary = SignInAs("Iben Sørensen");
        var overview = await Attendance.GetOverviewAsync(secretary, MeetingIdWithItem(DemoItems.Hearing), Ct);

        // Act
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));

        // Assert
        var form = cut.Find(".guest-form");
        Assert.Equal("Gæst", form.QuerySelector("label")!.TextContent.Trim());
        Assert.Contains("Navn og organisation", form.QuerySelector(".mud-input-helper-text")!.TextContent);
        Assert.Equal("Tilføj gæst", form.QuerySelector("[data-testid=add-guest]")!.TextContent.Trim());
    }
}
