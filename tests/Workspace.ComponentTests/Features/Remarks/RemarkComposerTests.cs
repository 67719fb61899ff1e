using AngleSharp.Dom;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Remarks;

namespace Workspace.ComponentTests.Features.Remarks;

public sealed class RemarkComposerTests : ComponentTestContext
{
    [Fact]
    public async Task Submitting_an_empty_remark_shows_a_Danish_error_next_to_the_field_and_saves_nothing()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var hearing = Item(DemoItems.Hearing);
        var remarksBefore = RemarkCount(hearing.Id);
        var cut = RenderComposer(hearing);

        // Act
        await cut.Find("[data-testid=remark-submit]").ClickAsync(new MouseEventArgs());

        // Assert
        var helper = FieldHelperText(cut);
        Assert.Equal("Feltet skal udfyldes.", helper.TextContent.Trim());
        Assert.Contains("mud-input-error", helper.ClassName);
        Assert.Equal(remarksBefore, RemarkCount(hearing.Id));
    }

    [Fact]
    public async Task Submitting_a_remark_saves_it_and_clears_the_field()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var hearing = Item(DemoItems.Hearing);
        var closed = 0;
        var cut = RenderComposer(hearing, () => closed++);
        const string text = "Vi bør invitere brugerne med til at skrive høringssvaret.";

        // Act
        cut.Find("textarea").Input(text);
        await cut.Find("[data-testid=remark-submit]").ClickAsync(new MouseEventArgs());

        // Assert
        await using var db = CreateDbContext();
        var saved = await db.Remarks.SingleOrDefaultAsync(r => r.AgendaItemId == hearing.Id && r.Text == text, Xunit.TestContext.Current.CancellationToken);
        Assert.NotNull(saved);
        Assert.Equal(mia.PersonId, saved.AuthorId);
        Assert.Equal(1, closed);
        Assert.Equal("", cut.Find("textarea").GetAttribute("value") ?? "");
        Assert.DoesNotContain(text, cut.Markup);
    }

    [Fact]
    public async Task Refused_remark_keeps_the_typed_text_and_says_why()
    {
        // Arrange: the component trusts the server to refuse; a substitute may read but not write remarks.
        SignInAs("Carsten Lykke");
        var hearing = Item(DemoItems.Hearing);
        var remarksBefore = RemarkCount(hearing.Id);
        var cut = RenderComposer(hearing);
        const string text = "Suppleanten har også en mening.";

        // Act
        cut.Find("textarea").Input(text);
        await cut.Find("[data-testid=remark-submit]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal(text, cut.Find("textarea").GetAttribute("value"));
        Assert.Equal("Du kan ikke skrive bemærkninger her.", cut.Find(".mud-alert").TextContent.Trim());
        Assert.Equal(remarksBefore, RemarkCount(hearing.Id));
    }

    private IRenderedComponent<RemarkComposer> RenderComposer(AgendaItem item, Action? onClosed = null) =>
        Render<RemarkComposer>(p => p
            .Add(x => x.AgendaItemId, item.Id)
            .Add(x => x.ItemNumber, item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add(x => x.OnClosed, onClosed ?? (() => { })));

    /// <summary>The helper text MudBlazor shows under the field, where validation errors go.</summary>
    private static IElement FieldHelperText(IRenderedComponent<RemarkComposer> cut) =>
        cut.Find(".remark-composer .mud-input-control .mud-input-helper-text");
}
