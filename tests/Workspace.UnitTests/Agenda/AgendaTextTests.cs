using FsCheck;
using FsCheck.Fluent;
using Workspace.Data.Entities;
using Workspace.Web.Features.Agenda;
using Workspace.Web.Features.Meetings;

namespace Workspace.UnitTests.Agenda;

/// <summary>The agenda typed as text: what each line becomes, the errors per line, and the numbering shape read back.</summary>
public sealed class AgendaTextTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200);

    [Fact]
    public void A_real_agenda_reads_with_sub_items_presenters_kinds_minutes_headings_and_a_pause()
    {
        // Arrange
        const string text = """
            Beslutningspunkter:
            1. Godkendelse af dagsorden
            2) Budget for 2027 (20 min.)
            3 Siden sidst ved formanden
               3a. Valg
               b) Café Læhegnet – lokaler fremover v. Karin Abildgaard (10 min)
               - Studietur
            PAUSE (10 min.)
            Orienteringspunkter:
            4. Oplæg og drøftelse – Assisteret stofindtag v. Jakob Ravn, afdelingsleder, og Henrik Wulff
            5. Eventuelt (drøftelse)
            6. Høringssvar om kvalitetsstandarder v/ Thomas Lindberg (beslutning) (15 min.)
            """;

        // Act
        var parse = AgendaText.Parse(text);

        // Assert
        Assert.Empty(parse.Errors);
        Assert.Equal(
            [
                (AgendaLineShape.Section, "Beslutningspunkter", AgendaItemKind.Information, (int?)null, (string?)null),
                (AgendaLineShape.Item, "Godkendelse af dagsorden", AgendaItemKind.Decision, null, null),
                (AgendaLineShape.Item, "Budget for 2027", AgendaItemKind.Decision, 20, null),
                (AgendaLineShape.Item, "Siden sidst ved formanden", AgendaItemKind.Decision, null, null),
                (AgendaLineShape.SubItem, "Valg", AgendaItemKind.Decision, null, null),
                (AgendaLineShape.SubItem, "Café Læhegnet – lokaler fremover", AgendaItemKind.Decision, 10, "Karin Abildgaard"),
                (AgendaLineShape.SubItem, "Studietur", AgendaItemKind.Decision, null, null),
                (AgendaLineShape.Pause, "PAUSE", AgendaItemKind.Break, 10, null),
                (AgendaLineShape.Section, "Orienteringspunkter", AgendaItemKind.Information, null, null),
                (AgendaLineShape.Item, "Oplæg og drøftelse – Assisteret stofindtag", AgendaItemKind.Discussion, null, "Jakob Ravn, afdelingsleder, og Henrik Wulff"),
                (AgendaLineShape.Item, "Eventuelt", AgendaItemKind.Discussion, null, null),
                (AgendaLineShape.Item, "Høringssvar om kvalitetsstandarder", AgendaItemKind.Decision, 15, "Thomas Lindberg"),
            ],
            parse.Entries.Select(e => (e.Shape, e.Title, e.Kind, e.AllottedMinutes, e.Presenter)));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], parse.Entries.Select(e => e.Line));
    }

    [Theory]
    [InlineData("3.", 1, "Agenda.Text.NoTitle")]
    [InlineData("  a) Valg", 1, "Agenda.Text.SubItemWithoutItem")]
    [InlineData("1. Godkendelse\nBeslutninger:\n- Budget", 3, "Agenda.Text.SubItemWithoutItem")]
    [InlineData("1. Godkendelse\n- Pause", 2, "Agenda.Text.PauseNotSubItem")]
    [InlineData("1. Godkendelse (700 min.)", 1, "Agenda.Text.MinutesRange")]
    public void A_line_that_cannot_be_used_is_named_with_its_reason(string text, int line, string key)
    {
        // Act
        var parse = AgendaText.Parse(text);

        // Assert
        Assert.Contains(new AgendaTextError(line, key), parse.Errors);
        Assert.False(parse.IsValid);
    }

    [Fact]
    public void Too_long_a_title_is_refused_on_its_line_and_the_other_lines_still_read()
    {
        // Act
        var parse = AgendaText.Parse($"1. Godkendelse\n\n2. {new string('x', AgendaItemInput.TitleMax + 1)}\n3. Eventuelt");

        // Assert
        Assert.Equal([new AgendaTextError(3, "Agenda.Text.TitleTooLong")], parse.Errors);
        Assert.Equal(3, parse.Entries.Count);
    }

    [Fact]
    public void An_empty_text_has_no_entries_and_is_not_valid()
    {
        Assert.False(AgendaText.Parse(" \n\t\n").IsValid);
        Assert.Empty(AgendaText.Parse(null).Entries);
    }

    [Fact]
    public void Typed_numbers_read_back_as_the_numbers_the_agenda_gives_them()
    {
        // Arrange: any shape of headings, pauses, items and sub-items, typed with the numbers it will have
        var entry = Gen.Frequency(
            (1, Gen.Constant((Shape: AgendaLineShape.Section, Subs: 0))),
            (1, Gen.Constant((Shape: AgendaLineShape.Pause, Subs: 0))),
            (5, Gen.Choose(0, 4).Select(subs => (Shape: AgendaLineShape.Item, Subs: subs))));
        var shapes = from count in Gen.Choose(0, 30)
                     from entries in entry.ArrayOf(count)
                     from words in Gen.Elements("Valg", "Budget", "Café Læhegnet", "Studietur", "Nyt fra forvaltningen", "Rundvisning").ArrayOf(count * 5 + 1)
                     from minutes in Gen.Choose(0, 120).ArrayOf(count + 1)
                     select (entries, words, minutes);

        // Act and assert
        Prop.ForAll(shapes.ToArbitrary(), c =>
        {
            var (text, expected) = Typed(c.entries, c.words, c.minutes);
            var parse = AgendaText.Parse(text);
            Assert.Empty(parse.Errors);
            var items = AgendaService.PlaceFromText(Guid.NewGuid(), [], parse.Entries, DateTimeOffset.UnixEpoch);
            var shown = AgendaNumbering.InOrder(items).Select(e => e.Item.Layout == AgendaItemLayout.Numbered ? $"{e.Number}. {e.Item.Title}" : e.Item.Title);
            Assert.Equal(expected, shown);
        }).Check(Cases);
    }

    [Fact]
    public void New_entries_go_before_the_end_items_which_keep_their_order()
    {
        // Arrange: 1 Godkendelse (start), 2 Næste møde (end), 3 Eventuelt (end)
        var meetingId = Guid.NewGuid();
        List<AgendaItem> existing =
        [
            new() { MeetingId = meetingId, Number = 1, Title = "Godkendelse", Placement = AgendaItemPlacement.Start },
            new() { MeetingId = meetingId, Number = 2, Title = "Næste møde", Placement = AgendaItemPlacement.End },
            new() { MeetingId = meetingId, Number = 3, Title = "Eventuelt", Placement = AgendaItemPlacement.End },
        ];

        // Act
        var added = AgendaService.PlaceFromText(meetingId, existing, AgendaText.Parse("Rundvisning\n- Varmestuen\nBudget").Entries, DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal(["1 Godkendelse", "2 Rundvisning", "2a Varmestuen", "3 Budget", "4 Næste møde", "5 Eventuelt"],
            AgendaNumbering.InOrder([.. existing, .. added]).Select(e => $"{e.Number} {e.Item.Title}"));
    }

    /// <summary>The text a secretary types for the shape, and the lines the agenda then shows ("3a. Valg", "Pause").</summary>
    private static (string Text, List<string> Shown) Typed(IReadOnlyList<(AgendaLineShape Shape, int Subs)> entries, string[] words, int[] minutes)
    {
        var lines = new List<string>();
        var shown = new List<string>();
        var number = 0;
        var word = 0;
        for (var index = 0; index < entries.Count; index++)
        {
            var (shape, subs) = entries[index];
            var title = $"{words[word++]} {index}";
            switch (shape)
            {
                case AgendaLineShape.Section:
                    lines.Add($"{title}:");
                    shown.Add(title);
                    break;
                case AgendaLineShape.Pause:
                    lines.Add($"PAUSE ({minutes[index]} min.)");
                    shown.Add("PAUSE");
                    break;
                default:
                    number++;
                    lines.Add($"{number}. {title}");
                    shown.Add($"{number}. {title}");
                    for (var sub = 0; sub < subs; sub++)
                    {
                        var subTitle = $"{words[word++ % words.Length]} {index}-{sub}";
                        var letter = AgendaNumbering.SubLetter(sub);
                        lines.Add(sub % 2 == 0 ? $"{number}{letter}. {subTitle}" : $"   {subTitle}");
                        shown.Add($"{number}{letter}. {subTitle}");
                    }
                    break;
            }
        }
        return (string.Join('\n', lines), shown);
    }
}
