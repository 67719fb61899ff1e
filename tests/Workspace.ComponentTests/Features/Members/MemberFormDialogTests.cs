using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Members;

namespace Workspace.ComponentTests.Features.Members;

public sealed class MemberFormDialogTests : ComponentTestContext
{
    [Fact]
    public async Task Invalid_email_shows_a_Danish_error_next_to_the_field_keeps_the_typed_name_and_adds_no_one()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var councilId = CouncilId("Udsatterådet");
        var peopleBefore = PeopleCount();
        var cut = await ShowDialogAsync(councilId, MembershipKind.Member);

        // Act
        Field(cut, "Navn").QuerySelector("input")!.Change("Signe Dahl");
        Field(cut, "E-mail").QuerySelector("input")!.Change("signe.dahl@");
        await cut.Find("[data-testid=member-save]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal("Skriv en gyldig e-mailadresse, fx navn@kommune.dk.", Field(cut, "E-mail").QuerySelector(".mud-input-helper-text")?.TextContent.Trim());
        Assert.Equal("Signe Dahl", Field(cut, "Navn").QuerySelector("input")!.GetAttribute("value"));
        Assert.NotEmpty(cut.FindAll(".mud-dialog"));
        Assert.Equal(peopleBefore, PeopleCount());
    }

    [Fact]
    public async Task Administration_adds_a_member_with_a_trimmed_lower_case_email()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var councilId = CouncilId("Udsatterådet");
        var cut = await ShowDialogAsync(councilId, MembershipKind.Member);

        // Act
        Field(cut, "Navn").QuerySelector("input")!.Change("Signe Dahl");
        Field(cut, "E-mail").QuerySelector("input")!.Change(" Signe.Dahl@Boegeby.Example ");
        Field(cut, "Organisation").QuerySelector("input")!.Change("Kirkens Korshær");
        await cut.Find("[data-testid=member-save]").ClickAsync(new MouseEventArgs());

        // Assert
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-dialog")));
        await using var db = CreateDbContext();
        var seat = await db.Memberships.Include(m => m.Person)
            .SingleAsync(m => m.CouncilId == councilId && m.Person!.Name == "Signe Dahl", Xunit.TestContext.Current.CancellationToken);
        Assert.Equal("signe.dahl@boegeby.example", seat.Person!.Email);
        Assert.Equal("Kirkens Korshær", seat.Organisation);
        Assert.Equal(MembershipKind.Member, seat.Kind);
    }

    [Fact]
    public async Task A_term_date_that_is_not_understood_is_said_next_to_the_field_kept_and_not_saved_as_empty()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var councilId = CouncilId("Udsatterådet");
        var peopleBefore = PeopleCount();
        var cut = await ShowDialogAsync(councilId, MembershipKind.Member);
        Field(cut, "Navn").QuerySelector("input")!.Change("Signe Dahl");
        Field(cut, "Valgperiode fra").QuerySelector("input")!.Change("1.1.26");

        // Act
        Field(cut, "Valgperiode til").QuerySelector("input")!.Change("31.12.20299");
        await cut.Find("[data-testid=member-save]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal("01.01.2026", Field(cut, "Valgperiode fra").QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal("31.12.20299", Field(cut, "Valgperiode til").QuerySelector("input")!.GetAttribute("value"));
        Assert.StartsWith("Datoen blev ikke forstået.", Field(cut, "Valgperiode til").QuerySelector(".mud-input-helper-text")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll(".mud-dialog"));
        Assert.Equal(peopleBefore, PeopleCount());
    }

    private async Task<IRenderedComponent<MudDialogProvider>> ShowDialogAsync(Guid councilId, MembershipKind kind)
    {
        Render<MudPopoverProvider>();
        var cut = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<MemberFormDialog> { { d => d.CouncilId, councilId }, { d => d.Kind, kind } };
        await cut.InvokeAsync(() => dialogs.ShowAsync<MemberFormDialog>("Tilføj medlem", parameters));
        cut.WaitForElement("[data-testid=member-save]");
        return cut;
    }

    /// <summary>A field's control by its label: its input and the helper text where errors go.</summary>
    private static AngleSharp.Dom.IElement Field(IRenderedComponent<MudDialogProvider> cut, string label) =>
        cut.FindAll(".mud-dialog .mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Trim().TrimEnd('*').TrimEnd() == label);

    private int PeopleCount()
    {
        using var db = CreateDbContext();
        return db.People.Count();
    }
}
