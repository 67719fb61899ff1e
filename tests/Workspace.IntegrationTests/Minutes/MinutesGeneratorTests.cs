using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Minutes;
using Workspace.Web.Seeding;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Minutes;

/// <summary>The generated minutes of the demo meetings hold every element councils' minutes have.</summary>
public sealed class MinutesGeneratorTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    [Fact]
    public async Task The_held_demo_meeting_gives_header_attendance_in_groups_and_every_items_texts()
    {
        // Arrange
        var demo = await MinutesDemo.LoadAsync(factory);
        await using var db = await factory.CreateDbContextAsync();

        // Act
        var minutes = await factory.Service<MinutesGenerator>().GenerateAsync(db, demo.HeldMeeting, Ct);

        // Assert: header
        Assert.Equal("Bøgeby Kommune", minutes.Municipality);
        Assert.Equal("Udsatterådet", minutes.CouncilName);
        Assert.Contains("Rådhuset", minutes.Place);
        // attendance in groups: members with organisation, the substitute and for whom, administration, guests, apologies, absent, minute-taker
        Assert.Contains(new MinutesPerson("Mia Kragh", "Bøgeby Værested"), minutes.Attendance.Members);
        Assert.Equal(8, minutes.Attendance.Members.Count);
        Assert.Equal(new MinutesSubstitute("Martin Rosendahl", "Café Lyspunktet", "Leni Dahlgaard"), Assert.Single(minutes.Attendance.Substitutes));
        Assert.Contains(minutes.Attendance.Administration, p => p.Name == "Thomas Lindberg" && p.Organisation == "Områdeleder, Socialpsykiatrien");
        Assert.Equal("Rasmus Kjær (Social- og Sundhedssekretariatet)", Assert.Single(minutes.Attendance.Guests));
        Assert.Equal("Leni Dahlgaard", Assert.Single(minutes.Attendance.Apologies).Name);
        Assert.Equal("Karin Abildgaard", Assert.Single(minutes.Attendance.AbsentWithoutNotice).Name);
        Assert.Equal("Iben Sørensen", minutes.Attendance.MinuteTaker);
        // the agenda in order, sub-items numbered, with presenter, decision, minutes text, remarks, votes' results and follow-ups
        Assert.Equal(["1", "2", "3", "4", "5", "5a", "5b", "5c", "6"], minutes.Entries.Select(e => e.Number));
        var health = minutes.Entries.Single(e => e.Number == "3");
        Assert.Equal("Rasmus Kjær, chefkonsulent i Social- og Sundhedssekretariatet", health.Presenter);
        Assert.StartsWith("Rådet drøftede anbefalingerne", health.Decision);
        Assert.Contains("ni anbefalinger", health.MinutesText);
        Assert.Equal(4, health.Remarks.Count);
        Assert.Contains(health.FollowUps, f => f.Owner == "Mia Kragh");
        Assert.Contains(health.FollowUps, f => f.Owner == "Rasmus Kjær, chefkonsulent");
        var otherBusiness = minutes.Entries.Single(e => e.Number == "6");
        Assert.Contains("Afstemning: For 6, imod 1, undlader 1", otherBusiness.Decision);
        Assert.Contains(otherBusiness.FollowUps, f => f.Owner == "Forvaltningen");
        Assert.Equal(AgendaItemStatus.Postponed, minutes.Entries.Single(e => e.Number == "5c").Status);
        Assert.True(minutes.Entries.Single(e => e.Number == "5c").IsSubItem);
        // the next meeting
        Assert.NotNull(minutes.NextMeeting);
        Assert.True(minutes.NextMeeting.StartsAt > minutes.StartsAt);
    }

    [Fact]
    public async Task The_meeting_with_approved_minutes_has_online_and_place_notes_a_withdrawn_and_a_closed_item()
    {
        // Arrange
        var demo = await MinutesDemo.LoadAsync(factory);
        await using var db = await factory.CreateDbContextAsync();

        // Act
        var minutes = await factory.Service<MinutesGenerator>().GenerateAsync(db, demo.ApprovedMeeting, Ct);

        // Assert
        Assert.NotNull(minutes.Place);
        Assert.NotNull(minutes.OnlineLink);
        Assert.NotNull(minutes.Notes);
        var withdrawn = minutes.Entries.Single(e => e.Status == AgendaItemStatus.Withdrawn);
        Assert.Contains("afbud", withdrawn.StatusNote);
        var closed = Assert.Single(minutes.ClosedItems);
        Assert.Equal(DemoData.ClosedDemoItemTitle, closed.Title);
        Assert.Equal(DemoData.ClosedDemoItemRemark, Assert.Single(closed.Remarks));
        Assert.Equal("Danny Mølgaard", Assert.Single(minutes.Attendance.Apologies).Name);
    }

    [Fact]
    public async Task Generating_again_keeps_what_the_secretary_wrote_in_the_co_edited_texts()
    {
        // Arrange: the secretary writes an item's minutes text through the co-edited text (as the editor does)
        var demo = await MinutesDemo.LoadAsync(factory);
        var generator = factory.Service<MinutesGenerator>();
        Guid itemId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            itemId = await db.AgendaItems.Where(i => i.MeetingId == demo.HeldMeeting && i.ParentId == null && i.Number == 4).Select(i => i.Id).SingleAsync(Ct);
            var first = await generator.GenerateAsync(db, demo.HeldMeeting, Ct);
            Assert.Null(first.Entries.Single(e => e.ItemId == itemId).MinutesText);
            db.TextDocuments.Add(new TextDocument
            {
                Id = TextDocumentIds.ForItem(itemId, ItemText.Minutes),
                Text = "Rådet gennemgik standarderne punkt for punkt.",
                Revision = 1,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }

        // Act
        await using var again = await factory.CreateDbContextAsync();
        var second = await generator.GenerateAsync(again, demo.HeldMeeting, Ct);

        // Assert
        Assert.Equal("Rådet gennemgik standarderne punkt for punkt.", second.Entries.Single(e => e.ItemId == itemId).MinutesText);
    }
}
