using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Planning;

namespace Workspace.ComponentTests.Features.Planning;

public sealed class AgendaTemplatePageTests : ComponentTestContext
{
    [Fact]
    public async Task Secretary_moves_an_item_up_with_its_labelled_button_and_keeps_the_focus_on_it()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        Render<MudPopoverProvider>();
        var councilId = CouncilId("Udsatterådet");
        var cut = Render<AgendaTemplatePage>(p => p.Add(x => x.CouncilId, councilId));
        cut.WaitForElement("[data-testid=template-item]");
        var up = UpButton(cut, "Nyt fra medlemmerne");

        // Act: a real <button> with a spoken name, reachable and pressed with the keyboard like any button
        Assert.Equal("BUTTON", up.TagName);
        Assert.Equal("Flyt \"Nyt fra medlemmerne\" op", up.GetAttribute("aria-label"));
        await up.ClickAsync(new MouseEventArgs());

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(
            ["1. Godkendelse af dagsorden", "2. Godkendelse af referat fra sidste møde", "3. Nyt fra medlemmerne", "4. Nyt fra formanden", "5. Næste møde", "6. Eventuelt"],
            Titles(cut)));
        Assert.Equal("\"Nyt fra medlemmerne\" er nu punkt 3.", cut.Find("[data-testid=template-announcer]").TextContent.Trim());
        // The list re-orders under the keyboard: the page puts the focus back on a button of the moved item, once.
        var focused = JSInterop.VerifyFocusAsyncInvoke();
        Assert.IsType<ElementReference>(focused.Arguments[0]);
        await using var db = CreateDbContext();
        var stored = await db.AgendaTemplateItems.Where(t => t.CouncilId == councilId).OrderBy(t => t.Number).Select(t => t.Title)
            .ToListAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(["Godkendelse af dagsorden", "Godkendelse af referat fra sidste møde", "Nyt fra medlemmerne", "Nyt fra formanden", "Næste møde", "Eventuelt"], stored);
    }

    [Fact]
    public async Task A_heading_in_the_standard_agenda_has_no_number_and_the_items_after_it_number_on()
    {
        // Arrange
        var secretary = SignInAs("Iben Sørensen");
        var councilId = CouncilId("Udsatterådet");
        var templates = Services.GetRequiredService<AgendaTemplateService>();
        var heading = await templates.AddAsync(secretary, councilId,
            new TemplateItemInput { Title = "Orienteringspunkter", Layout = Workspace.Data.Entities.AgendaItemLayout.Section }, Xunit.TestContext.Current.CancellationToken);
        await templates.MoveAsync(secretary, heading, up: true, Xunit.TestContext.Current.CancellationToken);
        await templates.MoveAsync(secretary, heading, up: true, Xunit.TestContext.Current.CancellationToken);

        // Act
        var cut = Render<AgendaTemplatePage>(p => p.Add(x => x.CouncilId, councilId));
        cut.WaitForElement("[data-testid=template-item]");

        // Assert
        Assert.Equal(
            ["1. Godkendelse af dagsorden", "2. Godkendelse af referat fra sidste møde", "Orienteringspunkter", "3. Nyt fra formanden", "4. Nyt fra medlemmerne", "5. Næste møde", "6. Eventuelt"],
            Titles(cut));
        Assert.Equal("Overskrift", cut.Find("[data-testid=template-layout]").TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=template-approves-minutes-chip]"));
    }

    [Fact]
    public void Items_cannot_move_past_the_edge_of_their_group()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        Render<MudPopoverProvider>();

        // Act
        var cut = Render<AgendaTemplatePage>(p => p.Add(x => x.CouncilId, CouncilId("Udsatterådet")));
        cut.WaitForElement("[data-testid=template-item]");

        // Assert: first item up, last ordinary item down, first end item up are disabled; the end items say so in words
        Assert.True(UpButton(cut, "Godkendelse af dagsorden").HasAttribute("disabled"));
        Assert.True(Row(cut, "Nyt fra medlemmerne").QuerySelector("[data-testid=template-down]")!.HasAttribute("disabled"));
        Assert.True(UpButton(cut, "Næste møde").HasAttribute("disabled"));
        Assert.False(UpButton(cut, "Eventuelt").HasAttribute("disabled"));
        Assert.Equal(2, cut.FindAll("[data-testid=template-at-end]").Count);
        Assert.Contains("Placeres til sidst", Row(cut, "Eventuelt").TextContent);
    }

    [Fact]
    public void Member_gets_no_access()
    {
        // Arrange
        SignInAs("Mia Kragh");

        // Act
        var cut = Render<AgendaTemplatePage>(p => p.Add(x => x.CouncilId, CouncilId("Udsatterådet")));

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Ingen adgang", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=template-item]"));
    }

    private static List<string> Titles(IRenderedComponent<AgendaTemplatePage> cut) =>
        cut.FindAll(".template-title").Select(t => t.TextContent.Trim()).ToList();

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<AgendaTemplatePage> cut, string title) =>
        cut.FindAll("[data-testid=template-item]").Single(r => r.QuerySelector(".template-title")!.TextContent.Trim().EndsWith(". " + title, StringComparison.Ordinal));

    private static AngleSharp.Dom.IElement UpButton(IRenderedComponent<AgendaTemplatePage> cut, string title) =>
        Row(cut, title).QuerySelector("[data-testid=template-up]")!;
}
