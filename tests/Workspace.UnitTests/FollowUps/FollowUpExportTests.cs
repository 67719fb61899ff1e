using System.Globalization;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.FollowUps;
using Workspace.Web.Resources;

namespace Workspace.UnitTests.FollowUps;

public sealed class FollowUpExportTests
{
    [Fact]
    public void The_workbook_has_a_row_per_follow_up_with_overdue_in_words()
    {
        // Arrange
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("da-DK");
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var L = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var time = new CopenhagenTime(L);
        var meeting = new DateTimeOffset(2026, 10, 29, 15, 0, 0, TimeSpan.Zero);
        FollowUpView View(string text, FollowUpOwnerKind kind, string? owner, DueState due, FollowUpStatus status, string? report = null) =>
            new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Udsatterådets møde", meeting, Guid.NewGuid(), "Eventuelt", FollowUpOrigin.Item, text,
                kind, null, owner, FollowUpDueKind.Date, due, status, report, meeting, null, false, false, Guid.NewGuid());
        var register = new FollowUpRegister(Guid.NewGuid(), "Udsatterådet",
        [
            View("Skriv til boligforeningerne", FollowUpOwnerKind.Person, "Jens Vestergaard", new DueState(new DateOnly(2026, 11, 1), true, -3), FollowUpStatus.Open),
            View("Find et mødelokale", FollowUpOwnerKind.Administration, null, new DueState(new DateOnly(2026, 12, 1), false, 20), FollowUpStatus.Done, "Lokale 2A"),
        ], true);

        // Act
        using var workbook = new XLWorkbook(new MemoryStream(FollowUpExport.Workbook(register, L, time)));

        // Assert
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Ansvarlig", sheet.Cell(1, 2).GetString());
        Assert.Equal("Jens Vestergaard", sheet.Cell(2, 2).GetString());
        Assert.Equal("Overskredet", sheet.Cell(2, 5).GetString());
        Assert.Equal("1. nov. 2026", sheet.Cell(2, 3).GetString());
        Assert.Equal("Forvaltningen", sheet.Cell(3, 2).GetString());
        Assert.Equal("Udført", sheet.Cell(3, 4).GetString());
        Assert.Equal("", sheet.Cell(3, 5).GetString());
        Assert.Equal("Lokale 2A", sheet.Cell(3, 8).GetString());
    }
}
