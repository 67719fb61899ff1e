using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Workspace.Web.Components.Shared;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.FollowUps;

/// <summary>The register as an Excel workbook (.xlsx) for the committee: one row per follow-up, overdue ones marked in words and colour.</summary>
public static class FollowUpExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Everything as text: ClosedXML would otherwise turn a Danish "1.11.2026" or a number-like text into a date or number.
    private static void Text(IXLCell cell, string value) => cell.SetValue(value);

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
            Text(sheet.Cell(1, column + 1), headings[column]);
        }
        sheet.Row(1).Style.Font.Bold = true;
        var row = 2;
        foreach (var followUp in register.Items)
        {
            Text(sheet.Cell(row, 1), followUp.Text);
            Text(sheet.Cell(row, 2), FollowUpTexts.Owner(followUp, L));
            Text(sheet.Cell(row, 3), FollowUpTexts.Due(followUp, L));
            Text(sheet.Cell(row, 4), L[$"FollowUps.Status.{followUp.Status}"].Value);
            Text(sheet.Cell(row, 5), followUp.Due.IsOverdue ? L["FollowUps.Overdue"].Value : "");
            Text(sheet.Cell(row, 6), $"{followUp.MeetingTitle}, {time.ShortDate(followUp.MeetingStartsAt)}");
            Text(sheet.Cell(row, 7), followUp.ItemTitle ?? "");
            Text(sheet.Cell(row, 8), followUp.Report ?? "");
            if (followUp.Due.IsOverdue)
            {
                sheet.Row(row).Style.Font.FontColor = XLColor.FromHtml("#B00020");
            }
            row++;
        }
        // Fixed widths: ClosedXML 0.95 measures text for AdjustToContents through System.Drawing, which needs libgdiplus on Linux.
        double[] widths = [60, 28, 26, 12, 13, 36, 36, 60];
        for (var column = 0; column < widths.Length; column++)
        {
            sheet.Column(column + 1).Width = widths[column];
        }
        sheet.Column(1).Style.Alignment.WrapText = true;
        sheet.Column(8).Style.Alignment.WrapText = true;
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
