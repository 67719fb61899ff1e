using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Workspace.Web.Components.Shared;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.FollowUps;

/// <summary>The register as an Excel workbook (.xlsx) for the committee: one row per follow-up, overdue ones marked in words and colour.</summary>
public static class FollowUpExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Workbook(FollowUpRegister register, IStringLocalizer<SharedResource> L, CopenhagenTime time)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(L["FollowUps.Export.Sheet"].Value);
        string[] headings =
        [
            L["FollowUps.Column.Text"], L["FollowUps.Column.Owner"], L["FollowUps.Column.Due"], L["FollowUps.Column.Status"],
            L["FollowUps.Column.Overdue"], L["FollowUps.Column.Meeting"], L["FollowUps.Column.Item"], L["FollowUps.Column.Report"],
        ];
        for (var column = 0; column < headings.Length; column++)
        {
            sheet.Cell(1, column + 1).Value = headings[column];
        }
        sheet.Row(1).Style.Font.Bold = true;
        var row = 2;
        foreach (var followUp in register.Items)
        {
            sheet.Cell(row, 1).Value = followUp.Text;
            sheet.Cell(row, 2).Value = FollowUpTexts.Owner(followUp, L);
            sheet.Cell(row, 3).Value = FollowUpTexts.Due(followUp, L);
            sheet.Cell(row, 4).Value = L[$"FollowUps.Status.{followUp.Status}"].Value;
            sheet.Cell(row, 5).Value = followUp.Due.IsOverdue ? L["FollowUps.Overdue"].Value : "";
            sheet.Cell(row, 6).Value = $"{followUp.MeetingTitle}, {time.ShortDate(followUp.MeetingStartsAt)}";
            sheet.Cell(row, 7).Value = followUp.ItemTitle ?? "";
            sheet.Cell(row, 8).Value = followUp.Report ?? "";
            if (followUp.Due.IsOverdue)
            {
                sheet.Row(row).Style.Font.FontColor = XLColor.FromHtml("#B00020");
            }
            row++;
        }
        sheet.Columns().AdjustToContents(1, 100);
        sheet.Column(1).Width = Math.Min(sheet.Column(1).Width, 60);
        sheet.Column(8).Width = Math.Min(sheet.Column(8).Width, 60);
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
