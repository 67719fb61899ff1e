using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Agenda;

namespace Workspace.ComponentTests.Features.Agenda;

/// <summary>"Indsæt dagsorden": the rules shown, a preview with the numbers before saving, errors per line in Danish, nothing lost.</summary>
public sealed class AgendaTextDialogTests : ComponentTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preview_shows_the_new_lines_numbered_before_the_end_items_and_nothing_is_saved_until_asked()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var before = await TitlesAsync(meetingId);
        var (cut, dialog) = await ShowDialogAsync(meetingId);

        // Act
        cut.Find("textarea[data-testid=agenda-text]").Input("Rundvisning v. Henrik Wulff (30 min.)\n  a) Varmestuen\nPAUSE (10 min.)");

        // Assert: the preview, numbered as the agenda will be; the standard end items stay last
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=agenda-text-row][data-new=true]").Count), TimeSpan.FromSeconds(5));
        var rows = cut.FindAll("[data-testid=agenda-text-row]").Select(r => (r.GetAttribute("data-new"), r.TextContent.Trim())).ToList();
        var firstNew = rows.FindIndex(r => r.Item1 == "true");
        Assert.Equal("ny 9. Rundvisning · Orientering · 30 min. · v. Henrik Wulff", rows[firstNew].Item2);
        Assert.Equal("ny 9a. Varmestuen · Orientering", rows[firstNew + 1].Item2);
        Assert.Equal("ny PAUSE (10 min.)", rows[firstNew + 2].Item2);
        Assert.Equal(["10. Næste møde", "11. Eventuelt"], rows.Skip(firstNew + 3).Select(r => r.Item2.Split(" · ")[0]));
        Assert.Contains("3 nye linjer", cut.Find("[data-testid=agenda-text-count]").TextContent);
        Assert.Equal(before, await TitlesAsync(meetingId));

        // Act: saved in one go
        await cut.Find("[data-testid=agenda-text-save]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal(3, (await dialog.Result)!.Data);
        Assert.Equal(before.Count + 3, (await TitlesAsync(meetingId)).Count);
    }

    [Fact]
    public async Task Lines_that_cannot_be_used_are_named_in_Danish_and_the_text_stays_as_typed()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var before = await TitlesAsync(meetingId);
        var (cut, _) = await ShowDialogAsync(meetingId);
        const string typed = "- Underpunkt uden punkt\n1. Budget\n2.";

        // Act
        cut.Find("textarea[data-testid=agenda-text]").Input(typed);
        cut.WaitForElement("[data-testid=agenda-text-errors]", TimeSpan.FromSeconds(5));
        await cut.Find("[data-testid=agenda-text-save]").ClickAsync(new MouseEventArgs());

        // Assert
        var errors = cut.FindAll("[data-testid=agenda-text-errors] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
            ["Linje 1: et underpunkt skal stå under et punkt, ikke først eller lige efter en overskrift eller pause.", "Linje 3: punktet mangler en titel."],
            errors);
        Assert.Equal(typed, cut.Find("textarea[data-testid=agenda-text]").GetAttribute("value") ?? cut.Find("textarea[data-testid=agenda-text]").TextContent);
        Assert.NotEmpty(cut.FindAll(".mud-dialog"));
        Assert.Equal(before, await TitlesAsync(meetingId));
    }

    [Fact]
    public async Task Dialog_says_how_lines_are_read_and_a_member_is_refused()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var (cut, _) = await ShowDialogAsync(meetingId);

        // Act
        cut.Find("textarea[data-testid=agenda-text]").Input("1. Budget");

        // Assert
        var help = cut.Find("[data-testid=agenda-text-help]").TextContent;
        Assert.Contains("»3a Valg«", help);
        Assert.Contains("slutter med kolon", help);
        Assert.Contains("»PAUSE (10 min.)«", help);
        Assert.Contains("»v. Navn«", help);
        cut.WaitForAssertion(() => Assert.Equal("Du har ikke ret til at gemme denne ændring.", cut.Find(".mud-dialog .mud-alert").TextContent.Trim()), TimeSpan.FromSeconds(5));
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Cut, IDialogReference Dialog)> ShowDialogAsync(Guid meetingId)
    {
        Render<MudPopoverProvider>();
        var cut = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<AgendaTextDialog> { { d => d.MeetingId, meetingId } };
        IDialogReference? reference = null;
        await cut.InvokeAsync(async () => reference = await dialogs.ShowAsync<AgendaTextDialog>("Indsæt dagsorden som tekst", parameters));
        cut.WaitForElement("[data-testid=agenda-text-save]");
        return (cut, reference!);
    }

    private async Task<List<string>> TitlesAsync(Guid meetingId)
    {
        await using var db = CreateDbContext();
        return await db.AgendaItems.Where(i => i.MeetingId == meetingId).OrderBy(i => i.Title).Select(i => i.Title).ToListAsync(Ct);
    }
}
