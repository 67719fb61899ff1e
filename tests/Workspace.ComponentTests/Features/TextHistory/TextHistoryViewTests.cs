using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.TextHistory;

namespace Workspace.ComponentTests.Features.TextHistory;

public sealed class TextHistoryViewTests : ComponentTestContext
{
    [Fact]
    public async Task A_member_sees_who_wrote_each_version_and_the_words_it_changed_but_cannot_restore()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var housing = await WithColleaguesEditAsync();

        // Act
        var cut = Render<TextHistoryView>(p => p.Add(x => x.ItemId, housing).Add(x => x.Text, ItemText.Background).Add(x => x.Label, "Sagsfremstilling"));

        // Assert
        cut.WaitForElement("[data-testid=text-diff]");
        var rows = cut.FindAll("[data-testid=history-version]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Thomas Lindberg", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("+28 / −0 tegn", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Oprindelig tekst", rows[1].TextContent, StringComparison.Ordinal);
        var inserted = cut.Find("[data-testid=diff-inserted]").TextContent;
        Assert.StartsWith("[tilføjet: ", inserted, StringComparison.Ordinal);
        Assert.EndsWith("Rådet ønsker en opfølgning.]", inserted, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=history-restore]"));
    }

    [Fact]
    public async Task The_secretary_restores_the_original_version_and_it_is_listed_as_a_new_one()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var housing = await WithColleaguesEditAsync();
        var cut = Render<TextHistoryView>(p => p.Add(x => x.ItemId, housing).Add(x => x.Text, ItemText.Background).Add(x => x.Label, "Sagsfremstilling"));
        cut.WaitForElement("[data-testid=history-restore]");

        // Act
        await cut.Find("[data-testid=history-version][data-revision='1'] [data-testid=history-restore]").ClickAsync(new MouseEventArgs());

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=history-version]").Count));
        Assert.Contains("Gendannet fra", cut.FindAll("[data-testid=history-version]")[0].TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Versionen fra", cut.Find("[data-testid=history-announcer]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("Rådet ønsker en opfølgning.]", cut.Find("[data-testid=diff-deleted]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diff_reads_without_colour_and_says_how_much_unchanged_text_it_left_out()
    {
        // Arrange
        var before = new string('a', 500) + " gammel";
        var after = new string('a', 500) + " ny";

        // Act
        var cut = Render<TextDiffView>(p => p.Add(x => x.Segments, TextDiff.Compare(before, after)));

        // Assert
        Assert.Equal("[slettet: gammel]", cut.Find("del").TextContent);
        Assert.Equal("[tilføjet: ny]", cut.Find("ins").TextContent);
        Assert.Contains("(351 uændrede tegn er udeladt)", cut.Markup, StringComparison.Ordinal);
    }

    /// <summary>The housing item's background opened (its stored text becomes the first version), then a colleague adds a sentence.</summary>
    private async Task<Guid> WithColleaguesEditAsync()
    {
        var housing = Item(DemoItems.HousingTalk);
        var thomas = UserFor("Thomas Lindberg");
        var texts = Services.GetRequiredService<ItemTexts>();
        var rights = await texts.RightsAsync(thomas, housing.Id, ItemText.Background, Xunit.TestContext.Current.CancellationToken);
        var opened = await texts.OpenAsync(thomas, rights.MeetingId, housing.Id, ItemText.Background, Xunit.TestContext.Current.CancellationToken);
        await texts.SubmitAsync(thomas, rights, opened.Revision, TextOperation.Insert(opened.Text.Length, " Rådet ønsker en opfølgning."), "thomas-tab", 1,
            Xunit.TestContext.Current.CancellationToken);
        return housing.Id;
    }
}
