using ClosedXML.Excel;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MimeKit;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// Follow-ups in the browser: the secretary makes two in the meeting, a member one for herself, the owner marks hers
/// done with a report, and the next meeting's "Status på opfølgning" shows the three with their states (and the seeded
/// overdue one marked in words), axe-clean; the register's Excel file is read back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FollowUpTests(BrowserFixture browser, DevelopmentApp app)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task Follow_ups_made_in_a_meeting_are_reported_on_the_next_agenda_and_in_the_register()
    {
        var host = await app.HostAsync();
        var unique = Guid.NewGuid().ToString("N")[..6];
        var (first, second, own) = ($"Iben sender oplægget rundt {unique}", $"Forvaltningen undersøger akutboliger {unique}", $"Mia kontakter herberget {unique}");
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        await iben.OpenNextMeetingAsync();
        await mia.OpenNextMeetingAsync();

        // The secretary makes two in two clicks each (and the text): one her own, one for Forvaltningen.
        await CreateAsync(iben, iben.AgendaItem("4"), first);
        await CreateAsync(iben, iben.AgendaItem("4"), second, owner: "Forvaltningen");
        // The member takes one on herself; the secretary's open page shows it without a reload.
        await CreateAsync(mia, mia.AgendaItem("4"), own);
        await Assertions.Expect(FollowUp(iben.AgendaItem("4"), own)).ToBeVisibleAsync();
        await Assertions.Expect(FollowUp(mia.AgendaItem("4"), first)).ToBeVisibleAsync();

        // The owner marks hers done with a report; a missing report is asked for next to the field.
        await FollowUp(mia.AgendaItem("4"), own).Locator("[data-testid=followup-change-status]").ClickAsync();
        var dialog = mia.Page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("[data-testid=followup-status]").ClickAsync();
        await mia.Page.GetByRole(AriaRole.Option, new() { Name = "Udført" }).ClickAsync();
        await dialog.Locator("[data-testid=followup-status-save]").ClickAsync();
        await Assertions.Expect(dialog.GetByText("Skriv en kort afrapportering")).ToBeVisibleAsync();
        await Field(dialog, "followup-report").FillAsync("Herberget kommer på næste møde.");
        await dialog.Locator("[data-testid=followup-status-save]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(FollowUp(mia.AgendaItem("4"), own).Locator("[data-testid=followup-status-shown]")).ToHaveTextAsync("Udført");
        await Assertions.Expect(FollowUp(iben.AgendaItem("4"), own).Locator("[data-testid=followup-report-shown]")).ToContainTextAsync("Herberget kommer");

        // The next meeting's agenda gets "Status på opfølgning" on demand and shows the three with their states.
        await iben.Page.GotoAsync("/");
        await iben.CouncilCard(DemoPeople.Council).Locator("ul.meeting-list a").Nth(1).ClickAsync();
        await Assertions.Expect(iben.AgendaItem("1")).ToBeVisibleAsync();
        var add = iben.Page.Locator("[data-testid=add-followup-status]");
        var list = iben.Page.Locator("[data-testid=followup-status-list]");
        await Assertions.Expect(add.Or(list)).ToBeVisibleAsync();
        if (await add.IsVisibleAsync())
        {
            await add.ClickAsync();
        }
        var open = list.Locator("[data-testid=followup-status-open]");
        var ended = list.Locator("[data-testid=followup-status-ended]");
        await Assertions.Expect(FollowUp(open, first).Locator("[data-testid=followup-status-shown]")).ToHaveTextAsync("Åben");
        await Assertions.Expect(FollowUp(open, first).Locator("[data-testid=followup-owner-shown]")).ToContainTextAsync(DemoPeople.Secretary);
        await Assertions.Expect(FollowUp(open, second).Locator("[data-testid=followup-owner-shown]")).ToContainTextAsync("Forvaltningen");
        await Assertions.Expect(FollowUp(ended, own).Locator("[data-testid=followup-status-shown]")).ToHaveTextAsync("Udført");
        await Assertions.Expect(FollowUp(ended, own).Locator("[data-testid=followup-report-shown]")).ToContainTextAsync("Herberget kommer på næste møde.");
        await Assertions.Expect(FollowUp(open, own)).ToHaveCountAsync(0);
        // The demo's overdue follow-up says so in words, and the page passes axe with it.
        await Assertions.Expect(open.Locator("[data-overdue=true] [data-testid=followup-overdue]").First).ToHaveTextAsync("Overskredet");
        await iben.Page.Locator(".mud-snackbar").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 15_000 });
        await AssertNoViolationsAsync(iben.Page);

        // The register: filterable, axe-clean, and its Excel file holds the same.
        await iben.Page.GotoAsync("/");
        await iben.OpenCouncilAsync(DemoPeople.Council);
        await iben.Page.Locator("[data-testid=followup-register-link]").ClickAsync();
        await Assertions.Expect(iben.Page.Locator("[data-testid=register-text]").Filter(new() { HasText = own })).ToBeVisibleAsync();
        await AssertNoViolationsAsync(iben.Page);
        var download = await iben.Page.RunAndWaitForDownloadAsync(() => iben.Page.Locator("[data-testid=followup-export]").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        await using var file = File.OpenRead(await download.PathAsync());
        using var workbook = new XLWorkbook(file);
        var rows = workbook.Worksheet(1).RowsUsed().Skip(1).ToList();
        Assert.Contains(rows, r => r.Cell(1).GetString() == first && r.Cell(2).GetString() == DemoPeople.Secretary && r.Cell(4).GetString() == "Åben");
        Assert.Contains(rows, r => r.Cell(1).GetString() == second && r.Cell(2).GetString() == "Forvaltningen");
        Assert.Contains(rows, r => r.Cell(1).GetString() == own && r.Cell(4).GetString() == "Udført" && r.Cell(8).GetString() == "Herberget kommer på næste møde.");
        Assert.Contains(rows, r => r.Cell(5).GetString() == "Overskredet");
        iben.Errors.AssertNone();
        mia.Errors.AssertNone();
    }

    [Fact]
    public async Task Mine_opgaver_on_the_start_page_passes_axe_with_an_overdue_task()
    {
        await using var mia = await UserSession.SignInAsync(browser, await app.HostAsync(), DemoPeople.Member);

        var overdue = mia.Page.Locator("[data-testid=my-task] [data-overdue=true]");
        await Assertions.Expect(overdue.Locator("[data-testid=followup-overdue]").First).ToHaveTextAsync("Overskredet");
        await Assertions.Expect(mia.Page.Locator("[data-testid=reminder-setting]")).ToBeVisibleAsync();

        await AssertNoViolationsAsync(mia.Page);
        mia.Errors.AssertNone();
    }

    private static async Task CreateAsync(UserSession session, ILocator item, string text, string? owner = null)
    {
        await item.Locator("[data-testid=followup-new]").ClickAsync();
        var dialog = session.Page.GetByRole(AriaRole.Dialog);
        await Field(dialog, "followup-text").FillAsync(text);
        if (owner is not null)
        {
            await dialog.GetByText(owner, new() { Exact = true }).ClickAsync();
        }
        await dialog.Locator("[data-testid=followup-save]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(FollowUp(item, text)).ToBeVisibleAsync();
    }

    private static ILocator Field(ILocator dialog, string testId) =>
        dialog.Locator($"textarea[data-testid={testId}], [data-testid={testId}] textarea").First;

    private static ILocator FollowUp(ILocator within, string text) =>
        within.Locator("[data-testid=followup]").Filter(new() { HasText = text });

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        var report = string.Join("\n", result.Violations.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Target}: {n.Html}"))));
        Assert.True(result.Violations.Length == 0, $"axe found {result.Violations.Length} violation(s) on {page.Url}:\n{report}");
    }
}

/// <summary>
/// The reminder timer of a running app: with the demo data (one follow-up a week overdue, one due in two days) each owner
/// gets one mail in the pickup folder, and no second one however often the timer looks again.
/// </summary>
public sealed class FollowUpReminderTests
{
    [Fact]
    public async Task Due_soon_and_overdue_reminders_reach_the_pickup_folder_once_each()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"radsrum-e2e-mail-{Guid.NewGuid():N}");
        try
        {
            await using var host = await AppHost.StartAsync(new Dictionary<string, string?>
            {
                ["Email__PickupDirectory"] = folder,
                ["Email__Smtp__Host"] = "",
                ["FollowUps__Reminders__FirstRunAfter"] = "00:00:00",
                ["FollowUps__Reminders__Interval"] = "00:00:01",
            }, cancellationToken: TestContext.Current.CancellationToken);

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (MailCount(folder) < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }
            // Several more rounds of the timer: nothing more may arrive.
            await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);

            var mails = Mails(folder);
            Assert.Equal(2, mails.Count);
            var toMia = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == DemoPeople.EmailOf(DemoPeople.Member));
            Assert.Equal("Opfølgning i Udsatterådet har overskredet fristen", toMia.Subject);
            Assert.Contains("Mia Kragh kontakter Frivilligcenteret", toMia.TextBody);
            var toJens = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == DemoPeople.EmailOf("Jens Vestergaard"));
            Assert.Equal("Påmindelse: opfølgning i Udsatterådet har frist om få dage", toJens.Subject);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static int MailCount(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Length : 0;

    private static List<MimeMessage> Mails(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).ToList() : [];
}
