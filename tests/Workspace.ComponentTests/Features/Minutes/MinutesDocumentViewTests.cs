using Microsoft.AspNetCore.Components;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Minutes;

namespace Workspace.ComponentTests.Features.Minutes;

/// <summary>The minutes as councils print them, from a document built by hand: every block, and what a placeholder hides.</summary>
public sealed class MinutesDocumentViewTests : ComponentTestContext
{
    private static readonly DateTimeOffset Start = new(2026, 11, 12, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_document_shows_the_header_the_attendance_in_groups_every_item_part_and_the_next_meeting()
    {
        // Arrange
        var document = Document(
            Entry("1", "Godkendelse af dagsorden", decision: "Dagsordenen blev godkendt."),
            Entry("", "Beslutningspunkter", layout: AgendaItemLayout.Section),
            Entry("2", "Orientering om natcaféerne", presenter: "Thomas Lindberg, områdeleder", minutesText: "Thomas orienterede.",
                decision: "Taget til efterretning.", remarks: ["Åbningstiderne skal stå på hjemmesiden."],
                followUps: [new MinutesFollowUp("Skriv til herbergerne.", "Forvaltningen", "Næste møde")], attachments: ["natcafeer.pdf"]),
            Entry("", "PAUSE (10 min.)", layout: AgendaItemLayout.Pause),
            Entry("3", "Oplæg fra gadeplansteamet", status: AgendaItemStatus.Withdrawn, statusNote: "Oplægsholderen meldte afbud."),
            Entry("3a", "Budget", subItem: true, status: AgendaItemStatus.Postponed));

        // Act
        var cut = Render<MinutesDocumentView>(p => p.Add(x => x.Document, document));

        // Assert: header
        Assert.Equal("Referat – Udsatterådet", cut.Find("h1").TextContent);
        Assert.Equal("torsdag den 12. november 2026 kl. 16.00–18.00", cut.Find("[data-testid=minutes-when]").TextContent);
        Assert.Contains("Sted: Rådhuset, mødelokale 2A", cut.Markup);
        Assert.Contains("Online: https://moede.example/raad", cut.Markup);
        // attendance in groups, organisations in brackets, the substitute for whom; empty groups are left out
        Assert.Equal(["Gitte Holmgaard (Café Lyspunktet)", "Mia Kragh (Bøgeby Værested)"], Items(cut, "minutes-members"));
        Assert.Equal(["Carsten Lykke (Foreningen Gadens Stemme) for Jens Vestergaard"], Items(cut, "minutes-substitutes"));
        Assert.Equal(["Iben Sørensen"], Items(cut, "minutes-administration"));
        Assert.Equal(["Danny Mølgaard (Brugerrepræsentant)"], Items(cut, "minutes-apologies"));
        Assert.Empty(cut.FindAll("[data-testid=minutes-guests]"));
        Assert.Empty(cut.FindAll("[data-testid=minutes-absent]"));
        Assert.Equal("Referent: Iben Sørensen", cut.Find("[data-testid=minutes-minute-taker]").TextContent);
        // the agenda: sections and pauses without numbers, each item's parts in the councils' order
        Assert.Equal("Beslutningspunkter", cut.Find("h3.minutes-section").TextContent);
        Assert.Equal("PAUSE (10 min.)", cut.Find("p.minutes-pause").TextContent);
        var item = cut.Find("[data-testid=minutes-item-2]");
        Assert.Equal("2. Orientering om natcaféerne", item.QuerySelector("h3")!.TextContent);
        Assert.Equal("v. Thomas Lindberg, områdeleder", item.QuerySelector(".minutes-presenter")!.TextContent);
        Assert.Contains("Beslutning: Taget til efterretning.", item.TextContent);
        Assert.Contains("Thomas orienterede.", item.TextContent);
        Assert.Equal("Åbningstiderne skal stå på hjemmesiden.", item.QuerySelectorAll("li")[0].TextContent);
        Assert.Contains("Skriv til herbergerne. Ansvarlig: Forvaltningen. Frist: Næste møde.", item.TextContent);
        Assert.Contains("natcafeer.pdf", item.TextContent);
        Assert.Equal("Udgår. Oplægsholderen meldte afbud.", cut.Find("[data-testid=minutes-item-3] .minutes-status").TextContent);
        Assert.Equal("Udsat.", cut.Find("[data-testid=minutes-item-3a] .minutes-status").TextContent);
        Assert.Contains("minutes-subitem", cut.Find("[data-testid=minutes-item-3a]").ClassName);
        Assert.Contains("Mødet blev holdt både i mødelokalet og online.", cut.Find(".minutes-notes").TextContent);
        Assert.Contains("torsdag den 10. december 2026 kl. 16.00–18.00, Rådhuset", cut.Find(".minutes-next").TextContent);
    }

    [Fact]
    public void A_closed_item_shows_its_note_to_the_council_and_only_its_number_as_a_placeholder()
    {
        // Arrange
        var closed = Entry("4", "Ansøgning fra en navngiven borger", closed: true, decision: "Rådet anbefaler ansøgningen.", remarks: ["Borgeren er kendt af herberget."]);
        var full = Document(closed);
        var placeholder = full.WithoutClosedItems();

        // Act
        var forCouncil = Render<MinutesDocumentView>(p => p.Add(x => x.Document, full));
        var forPublic = Render<MinutesDocumentView>(p => p.Add(x => x.Document, placeholder).Add(x => x.ShowAttachments, false));

        // Assert
        Assert.Contains("Lukket punkt – indgår ikke i det offentlige referat.", forCouncil.Find("[data-testid=minutes-item-4]").TextContent);
        Assert.Contains("Rådet anbefaler ansøgningen.", forCouncil.Markup);
        var item = forPublic.Find("[data-testid=minutes-item-4]");
        Assert.Equal("4. Lukket punkt", item.TextContent.Trim());
        Assert.DoesNotContain("navngiven", forPublic.Markup);
        Assert.DoesNotContain("anbefaler", forPublic.Markup);
        Assert.DoesNotContain("herberget", forPublic.Markup);
    }

    [Fact]
    public void The_minutes_page_puts_its_editors_in_place_of_the_texts_and_its_comments_after_each_item_and_may_leave_out_attendance()
    {
        // Arrange
        var document = Document(Entry("1", "Eventuelt", minutesText: "Intet at bemærke.", decision: "Intet.", attachments: ["bilag.pdf"]));
        RenderFragment<MinutesEntry> editors = entry => builder => builder.AddMarkupContent(0, $"<div class=\"editors\">editor {entry.Number}</div>");
        RenderFragment<MinutesEntry> after = entry => builder => builder.AddMarkupContent(0, $"<div class=\"after\">after {entry.Number}</div>");

        // Act
        var cut = Render<MinutesDocumentView>(p => p
            .Add(x => x.Document, document)
            .Add(x => x.ItemExtra, editors)
            .Add(x => x.After, after)
            .Add(x => x.ShowAttendance, false)
            .Add(x => x.ShowAttachments, false));

        // Assert
        var item = cut.Find("[data-testid=minutes-item-1]");
        Assert.Equal("editor 1", item.QuerySelector(".editors")!.TextContent);
        Assert.Equal("after 1", item.QuerySelector(".after")!.TextContent);
        Assert.DoesNotContain("Intet at bemærke.", item.TextContent);
        Assert.DoesNotContain("Beslutning:", item.TextContent);
        Assert.DoesNotContain("bilag.pdf", item.TextContent);
        Assert.Empty(cut.FindAll(".minutes-attendance"));
    }

    private static List<string> Items(IRenderedComponent<MinutesDocumentView> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").QuerySelectorAll("li").Select(li => li.TextContent).ToList();

    private static MinutesDocument Document(params MinutesEntry[] entries) => new(
        Guid.NewGuid(), "Bøgeby Kommune", "Udsatterådet", "Udsatterådets møde", Start, Start.AddHours(2),
        "Rådhuset, mødelokale 2A", "https://moede.example/raad",
        new MinutesAttendance(
            [new("Gitte Holmgaard", "Café Lyspunktet"), new("Mia Kragh", "Bøgeby Værested")],
            [new("Carsten Lykke", "Foreningen Gadens Stemme", "Jens Vestergaard")],
            [new("Iben Sørensen", null)],
            [],
            [new("Danny Mølgaard", "Brugerrepræsentant")],
            [],
            "Iben Sørensen"),
        entries,
        "Mødet blev holdt både i mødelokalet og online.",
        new MinutesNextMeeting(Start.AddDays(28), Start.AddDays(28).AddHours(2), "Rådhuset", null));

    private static MinutesEntry Entry(string number, string title, AgendaItemLayout layout = AgendaItemLayout.Numbered, bool subItem = false, bool closed = false,
        AgendaItemStatus status = AgendaItemStatus.Handled, string? statusNote = null, string? presenter = null, string? decision = null,
        string? minutesText = null, IReadOnlyList<string>? remarks = null, IReadOnlyList<MinutesFollowUp>? followUps = null, IReadOnlyList<string>? attachments = null) =>
        new(Guid.NewGuid(), number, layout, subItem, title, closed, status, statusNote, presenter, decision, minutesText,
            remarks ?? [], followUps ?? [], attachments ?? []);
}
