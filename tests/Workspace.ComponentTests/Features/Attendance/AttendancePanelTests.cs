using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Attendance;

namespace Workspace.ComponentTests.Features.Attendance;

/// <summary>
/// The attendance panel of a meeting: a member's answer with a note (plain elements, validated in Danish next to the
/// field), the people lists without anything interactive for members, and the secretary's controls.
/// </summary>
public sealed class AttendancePanelTests : ComponentTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Member_sends_apologies_from_the_panel_and_the_answer_is_stored()
    {
        // Arrange
        var poul = SignInAs("Poul Skovbo");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var overview = await Services.GetRequiredService<AttendanceService>().GetOverviewAsync(poul, meetingId, Ct);
        var changed = false;
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview).Add(x => x.OnChanged, () => changed = true));

        // Act
        await cut.Find("[data-testid=respond-apologies]").ClickAsync(new MouseEventArgs());

        // Assert
        await using var db = CreateDbContext();
        var answer = await db.Attendances.SingleAsync(a => a.MeetingId == meetingId && a.PersonId == poul.PersonId, Ct);
        Assert.Equal(InvitationResponse.Apologies, answer.Response);
        Assert.True(changed);
    }

    [Fact]
    public async Task Secretary_sees_the_proposed_substitute_and_confirms_the_call()
    {
        // Arrange
        var secretary = SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var attendance = Services.GetRequiredService<AttendanceService>();
        await attendance.RespondAsync(UserFor("Poul Skovbo"), meetingId, InvitationResponse.Apologies, "Ferie", Ct);
        var overview = await attendance.GetOverviewAsync(secretary, meetingId, Ct);

        // Act
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));
        var proposal = cut.Find("[data-testid=proposed-call]");
        await cut.Find("[data-testid=confirm-call]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Contains("Carsten Lykke", proposal.TextContent);
        Assert.Contains("Poul Skovbo", proposal.TextContent);
        await using var db = CreateDbContext();
        Assert.Equal(SubstituteCallStatus.Confirmed, (await db.SubstituteCalls.SingleAsync(c => c.MeetingId == meetingId, Ct)).Status);
    }

    [Fact]
    public async Task Member_sees_no_confirm_buttons_and_who_steps_in_for_whom()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var attendance = Services.GetRequiredService<AttendanceService>();
        await attendance.RespondAsync(UserFor("Poul Skovbo"), meetingId, InvitationResponse.Apologies, null, Ct);
        var proposed = await attendance.GetOverviewAsync(UserFor("Iben Sørensen"), meetingId, Ct);
        await attendance.ConfirmCallAsync(UserFor("Iben Sørensen"), proposed.Calls.Single().Id, Ct);
        var overview = await attendance.GetOverviewAsync(mia, meetingId, Ct);

        // Act
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));

        // Assert (the people lists are shared HTML, rendered apart from the circuit the first time)
        var steppingIn = cut.WaitForElement("[data-testid=attendee][data-person='Poul Skovbo'] [data-testid=stepping-in]");
        Assert.Empty(cut.FindAll("[data-testid=confirm-call]"));
        Assert.Contains("Carsten Lykke", steppingIn.TextContent);
    }

    [Fact]
    public async Task Member_attends_with_a_note_typed_in_the_labelled_field()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var overview = await Services.GetRequiredService<AttendanceService>().GetOverviewAsync(mia, meetingId, Ct);
        var changed = false;
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview).Add(x => x.OnChanged, () => changed = true));
        var label = cut.Find("[data-testid=my-answer] label");
        var note = cut.Find("#" + label.GetAttribute("for"));

        // Act
        note.Change("Kommer lidt senere");
        await cut.Find("[data-testid=respond-attending]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal("Bemærkning til afbud (valgfri)", label.TextContent);
        Assert.Equal("1000", note.GetAttribute("maxlength"));
        var help = cut.Find("#" + note.GetAttribute("aria-describedby"));
        Assert.Equal("Fx \"syg\" eller \"på ferie\"", help.TextContent);
        await using var db = CreateDbContext();
        var answer = await db.Attendances.SingleAsync(a => a.MeetingId == meetingId && a.PersonId == mia.PersonId, Ct);
        Assert.Equal(InvitationResponse.Attending, answer.Response);
        Assert.Equal("Kommer lidt senere", answer.ResponseNote);
        Assert.True(changed);
    }

    [Fact]
    public async Task Member_sends_apologies_with_a_note_and_sees_the_answer_and_note_again()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var attendance = Services.GetRequiredService<AttendanceService>();
        var overview = await attendance.GetOverviewAsync(mia, meetingId, Ct);
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));

        // Act
        cut.Find("#attendance-note").Change("  Syg  ");
        await cut.Find("[data-testid=respond-apologies]").ClickAsync(new MouseEventArgs());
        var answered = await attendance.GetOverviewAsync(mia, meetingId, Ct);
        var reopened = Render<AttendancePanel>(p => p.Add(x => x.Overview, answered));

        // Assert
        await using var db = CreateDbContext();
        var answer = await db.Attendances.SingleAsync(a => a.MeetingId == meetingId && a.PersonId == mia.PersonId, Ct);
        Assert.Equal(InvitationResponse.Apologies, answer.Response);
        Assert.Equal("Syg", answer.ResponseNote);
        Assert.Equal("Afbud", reopened.Find("[data-testid=my-response]").TextContent);
        Assert.Equal("Syg", reopened.Find("#attendance-note").GetAttribute("value"));
        Assert.Contains("mud-button-filled", reopened.Find("[data-testid=respond-apologies]").ClassName);
        Assert.Contains("mud-button-outlined", reopened.Find("[data-testid=respond-attending]").ClassName);
    }

    [Fact]
    public async Task Too_long_note_gets_a_Danish_message_next_to_the_field_and_keeps_what_was_typed()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var overview = await Services.GetRequiredService<AttendanceService>().GetOverviewAsync(mia, meetingId, Ct);
        var changed = false;
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview).Add(x => x.OnChanged, () => changed = true));
        // The browser stops at maxlength; a longer text (pasted into an old browser, or sent by hand) is refused by the server.
        var typed = new string('x', AttendanceService.NoteMax + 1);

        // Act
        cut.Find("#attendance-note").Change(typed);
        await cut.Find("[data-testid=respond-apologies]").ClickAsync(new MouseEventArgs());

        // Assert
        var note = cut.Find("#attendance-note");
        Assert.Equal(typed, note.GetAttribute("value"));
        Assert.Equal("true", note.GetAttribute("aria-invalid"));
        var describedBy = note.GetAttribute("aria-describedby")!.Split(' ');
        var error = cut.Find("[data-testid=note-error]");
        Assert.Contains(error.Id, describedBy);
        Assert.Equal("Teksten er for lang.", error.TextContent);
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Equal("Ikke svaret endnu", cut.Find("[data-testid=my-response]").TextContent);
        Assert.False(changed);
        await using var db = CreateDbContext();
        Assert.False(await db.Attendances.AnyAsync(a => a.MeetingId == meetingId && a.PersonId == mia.PersonId, Ct));

        // A shorter note goes through, and the message goes away.
        cut.Find("#attendance-note").Change("Ferie");
        await cut.Find("[data-testid=respond-apologies]").ClickAsync(new MouseEventArgs());
        Assert.Empty(cut.FindAll("[data-testid=note-error]"));
        Assert.Null(cut.Find("#attendance-note").GetAttribute("aria-invalid"));
        Assert.True(changed);
    }

    [Fact]
    public async Task Answer_after_the_meeting_closed_says_so_in_Danish_and_keeps_the_note()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var overview = await Services.GetRequiredService<AttendanceService>().GetOverviewAsync(mia, meetingId, Ct);
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));
        await using (var db = CreateDbContext())
        {
            // The meeting is held while the page is still open.
            await db.Meetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MeetingStatus.Held), Ct);
        }

        // Act
        cut.Find("#attendance-note").Change("Syg");
        await cut.Find("[data-testid=respond-apologies]").ClickAsync(new MouseEventArgs());

        // Assert
        var alert = cut.Find("[data-testid=my-answer] [role=alert]");
        Assert.Equal("Mødet tager ikke imod svar lige nu.", alert.TextContent);
        Assert.Equal("Syg", cut.Find("#attendance-note").GetAttribute("value"));
    }

    [Fact]
    public async Task Typed_note_is_kept_when_the_page_reloads_the_attendance()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var attendance = Services.GetRequiredService<AttendanceService>();
        var overview = await attendance.GetOverviewAsync(mia, meetingId, Ct);
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));
        cut.Find("#attendance-note").Change("På kursus");

        // Act: someone else answers, and the page shows the new overview.
        await attendance.RespondAsync(UserFor("Poul Skovbo"), meetingId, InvitationResponse.Attending, null, Ct);
        var reloaded = await attendance.GetOverviewAsync(mia, meetingId, Ct);
        cut.Render(p => p.Add(x => x.Overview, reloaded));

        // Assert
        Assert.Equal("På kursus", cut.Find("#attendance-note").GetAttribute("value"));
        Assert.Equal("Deltager", cut.Find("[data-testid=attendee][data-person='Poul Skovbo'] .mud-chip").TextContent);
    }

    [Fact]
    public async Task Member_sees_everyone_without_controls_or_components_per_person()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var attendance = Services.GetRequiredService<AttendanceService>();
        await attendance.AddGuestAsync(UserFor("Iben Sørensen"), meetingId, "Lise Holm <Nordbo> & co", Ct);
        var overview = await attendance.GetOverviewAsync(mia, meetingId, Ct);

        // Act
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));

        // Assert
        var people = cut.WaitForElements("[data-testid=attendee]");
        Assert.Equal(overview.Members.Count + overview.Substitutes.Count + overview.Administration.Count, people.Count);
        Assert.Contains(people, p => p.GetAttribute("data-person") == "Mia Kragh" && p.TextContent.Contains("(Bøgeby Værested)", StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=attendee] button, [data-testid=attendee] input, [data-testid=attendee] select"));
        Assert.Contains("Lise Holm <Nordbo> & co", cut.Find("[data-testid=attendance]").TextContent);
        Assert.Contains("Ikke valgt endnu.", cut.Find("[data-testid=attendance]").TextContent);
        Assert.Empty(cut.FindComponents<MudButton>());
        Assert.Empty(cut.FindComponents<MudTextField<string>>());
        Assert.Empty(cut.FindComponents<MudSelect<PresenceStatus>>());
    }

    [Fact]
    public async Task Readers_with_the_same_people_share_one_rendering_and_a_registration_renders_the_lists_again()
    {
        // Arrange
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var attendance = Services.GetRequiredService<AttendanceService>();
        var html = Services.GetRequiredService<AttendanceHtml>();
        await attendance.AddGuestAsync(UserFor("Iben Sørensen"), meetingId, "Ulla <b>Berg</b>", Ct);
        var mias = await attendance.GetOverviewAsync(UserFor("Mia Kragh"), meetingId, Ct);
        var gittes = await attendance.GetOverviewAsync(UserFor("Gitte Holmgaard"), meetingId, Ct);

        // Act
        var forMia = await html.PeopleAsync(mias);
        var forGitte = await html.PeopleAsync(gittes);
        await attendance.RegisterPresenceAsync(UserFor("Iben Sørensen"), meetingId, UserFor("Mia Kragh").PersonId!.Value, PresenceStatus.Present, ct: Ct);
        var afterwards = await html.PeopleAsync(await attendance.GetOverviewAsync(UserFor("Gitte Holmgaard"), meetingId, Ct));

        // Assert: one string for both readers; the guest's name is text; the registration is a new rendering.
        Assert.Same(forMia.Value, forGitte.Value);
        Assert.Contains("Ulla &lt;b&gt;Berg&lt;/b&gt;", forMia.Value);
        Assert.DoesNotContain("<b>", forMia.Value);
        Assert.DoesNotContain(">Til stede<", forMia.Value);
        Assert.Contains(">Til stede<", afterwards.Value);
    }

    [Fact]
    public async Task Substitute_called_in_sees_for_whom_they_step_in()
    {
        // Arrange
        var carsten = SignInAs("Carsten Lykke");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var attendance = Services.GetRequiredService<AttendanceService>();
        await attendance.RespondAsync(UserFor("Poul Skovbo"), meetingId, InvitationResponse.Apologies, null, Ct);
        var proposed = await attendance.GetOverviewAsync(UserFor("Iben Sørensen"), meetingId, Ct);
        await attendance.ConfirmCallAsync(UserFor("Iben Sørensen"), proposed.Calls.Single().Id, Ct);
        var overview = await attendance.GetOverviewAsync(carsten, meetingId, Ct);

        // Act
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));

        // Assert
        Assert.Equal("Du er indkaldt og møder for Poul Skovbo ved dette møde.", cut.Find("[data-testid=my-call]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=respond-attending]"));
        Assert.Contains("Møder for Poul Skovbo", cut.WaitForElement("[data-testid=attendee][data-person='Carsten Lykke'] [data-testid=stepping-in]").TextContent);
    }

    [Fact]
    public async Task Secretary_registers_presence_and_sees_the_answers_with_their_notes()
    {
        // Arrange
        var secretary = SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var attendance = Services.GetRequiredService<AttendanceService>();
        await attendance.RespondAsync(UserFor("Poul Skovbo"), meetingId, InvitationResponse.Apologies, "Ferie", Ct);
        var overview = await attendance.GetOverviewAsync(secretary, meetingId, Ct);
        var changed = false;
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview).Add(x => x.OnChanged, () => changed = true));
        var mia = UserFor("Mia Kragh");

        // Act
        await cut.Find("[data-testid=attendee][data-person='Mia Kragh'] button[data-presence=Present]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Contains("Afbud: Ferie", cut.Find("[data-testid=attendee][data-person='Poul Skovbo']").TextContent);
        await using var db = CreateDbContext();
        Assert.Equal(PresenceStatus.Present, (await db.Attendances.SingleAsync(a => a.MeetingId == meetingId && a.PersonId == mia.PersonId, Ct)).Presence);
        Assert.True(changed);
    }
}
