using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using MimeKit;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// A hearing from open to approved, in five browsers on an app of its own (with its mail in a pickup folder): the
/// secretary opens it, three members remark at once, one agrees with another, the secretary pulls two remarks into the
/// draft while the chair writes elsewhere in it, a member sees who said each passage, two members approve and the chair
/// gives the final approval; the Word export is read back, the mails are in the folder, and the pages pass axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HearingTests(BrowserFixture browser)
{
    private const string Jens = "Jens Vestergaard";

    [Fact]
    public async Task Remarks_together_become_one_approved_response_that_credits_who_said_what()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"radsrum-e2e-hearing-mail-{Guid.NewGuid():N}");
        try
        {
            await using var host = await AppHost.StartAsync(new Dictionary<string, string?>
            {
                ["Email__PickupDirectory"] = folder,
                ["Email__Smtp__Host"] = "",
            }, cancellationToken: TestContext.Current.CancellationToken);
            await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary, homeTimeout: 60_000);
            var title = $"Kvalitetsstandard for bostøtte {Guid.NewGuid().ToString("N")[..6]}";

            // The secretary opens a hearing from the council's list; the members get a mail.
            await iben.OpenCouncilAsync(DemoPeople.Council);
            await iben.Page.Locator("[data-testid=hearings-link]").ClickAsync();
            await AxeScan.AssertNoViolationsAsync(iben.Page);
            await iben.Page.Locator("[data-testid=hearing-new]").ClickAsync();
            await Field(iben.Page, "hearing-title", "input").FillAsync(title);
            await Field(iben.Page, "hearing-sender", "input").FillAsync("Beskæftigelses- og Socialudvalget");
            await Field(iben.Page, "hearing-deadline", "input").FillAsync(DanishDate.Today.AddDays(30).ToString("dd-MM-yyyy"));
            await Field(iben.Page, "hearing-remarks-deadline", "input").FillAsync(DanishDate.Today.AddDays(14).ToString("dd-MM-yyyy"));
            await iben.Page.Locator("[data-testid=hearing-save]").ClickAsync();
            await Assertions.Expect(iben.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            var url = iben.Page.Url;

            await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
            await using var gitte = await UserSession.SignInAsync(browser, host, DemoPeople.Chair);
            await using var jens = await UserSession.SignInAsync(browser, host, Jens);
            // The open hearing is on the start page with its days left.
            await Assertions.Expect(mia.Page.Locator("[data-testid=open-hearing]").Filter(new() { HasText = title })).ToContainTextAsync("14 dage tilbage");
            foreach (var session in new[] { mia, gitte, jens })
            {
                await session.Page.GotoAsync(url);
                await Assertions.Expect(session.Page.Locator("[data-testid=hearing-composer]")).ToBeVisibleAsync();
            }

            // Three members remark at once; each page shows all three without a reload.
            var remarks = new Dictionary<UserSession, string>
            {
                [mia] = "Bostøtten skal også række ud om aftenen.",
                [gitte] = "Standarden bør nævne samarbejdet med værestederne.",
                [jens] = "Borgerne skal kunne klage over afslag på bostøtte.",
            };
            await Task.WhenAll(remarks.Select(async pair =>
            {
                await Field(pair.Key.Page, "hearing-remark-text", "textarea").FillAsync(pair.Value);
                await pair.Key.Page.Locator("[data-testid=hearing-remark-add]").ClickAsync();
            }));
            foreach (var session in new[] { mia, gitte, jens, iben })
            {
                foreach (var text in remarks.Values)
                {
                    await Assertions.Expect(Remark(session, text)).ToBeVisibleAsync();
                }
            }

            // Mia agrees with Jens; Jens sees it.
            await Remark(mia, remarks[jens]).Locator("[data-testid=hearing-remark-agree]").ClickAsync();
            await Assertions.Expect(Remark(jens, remarks[jens]).Locator("[data-testid=hearing-remark-support]")).ToHaveTextAsync("Enig: Mia Kragh");

            // The secretary pulls two remarks into the draft at the start, while the chair types at the end of it.
            await iben.Page.Locator("[data-testid=hearing-start-drafting]").ClickAsync();
            var ibenText = iben.Page.Locator("textarea[data-testid=coedit-response]");
            var gitteText = gitte.Page.Locator("textarea[data-testid=coedit-response]");
            await gitte.Page.ReloadAsync();
            await Assertions.Expect(ibenText).ToBeEditableAsync();
            await Assertions.Expect(gitteText).ToBeEditableAsync();
            await gitteText.FillAsync("Rådet takker for høringen.");
            await Assertions.Expect(ibenText).ToHaveValueAsync("Rådet takker for høringen.");
            await ibenText.EvaluateAsync("t => { t.focus(); t.setSelectionRange(0, 0); }");
            var chairTyping = Task.Run(async () =>
            {
                await gitteText.EvaluateAsync("t => { t.focus(); t.setSelectionRange(t.value.length, t.value.length); }");
                await gitteText.PressSequentiallyAsync(" Venlig hilsen formanden.", new() { Delay = 40 });
            }, TestContext.Current.CancellationToken);
            await Remark(iben, remarks[mia]).Locator("[data-testid=hearing-remark-insert]").ClickAsync();
            await ibenText.EvaluateAsync("t => { t.focus(); const end = t.value.indexOf('⟦/⟧') + 3; t.setSelectionRange(end, end); }");
            await Remark(iben, remarks[jens]).Locator("[data-testid=hearing-remark-insert]").ClickAsync();
            await chairTyping;
            await Assertions.Expect(ibenText).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Venlig hilsen formanden\\.$"));
            var final = await ibenText.InputValueAsync();
            await Assertions.Expect(gitteText).ToHaveValueAsync(final);
            Assert.Contains(remarks[mia], final);
            Assert.Contains(remarks[jens], final);
            Assert.Equal(2, final.Split("⟦/⟧").Length - 1);

            // A member sees who said each passage, and which remarks are used.
            await Assertions.Expect(mia.Page.Locator("[data-testid=hearing-passage]").Filter(new() { HasText = remarks[mia] })
                .Locator("[data-testid=hearing-passage-source]")).ToHaveTextAsync("Fra: Mia Kragh (Bøgeby Værested)");
            await Assertions.Expect(mia.Page.Locator("[data-testid=hearing-passage]").Filter(new() { HasText = remarks[jens] })
                .Locator("[data-testid=hearing-passage-source]")).ToHaveTextAsync("Fra: Jens Vestergaard (Foreningen Gadens Stemme)");
            await Assertions.Expect(Remark(mia, remarks[gitte]).Locator("[data-testid=hearing-remark-unused]")).ToBeVisibleAsync();
            await Assertions.Expect(Remark(mia, remarks[mia]).Locator("[data-testid=hearing-remark-used]")).ToBeVisibleAsync();
            await AxeScan.AssertNoViolationsAsync(mia.Page);

            // Approval: two members approve, the chair gives the final approval; everyone sees the state.
            await Field(iben.Page, "hearing-approval-deadline", "input").FillAsync(DanishDate.Today.AddDays(7).ToString("dd-MM-yyyy"));
            await iben.Page.Locator("[data-testid=hearing-send-for-approval]").ClickAsync();
            await Assertions.Expect(iben.Page.Locator("[data-testid=hearing-status]")).ToHaveTextAsync("Til godkendelse");
            await Assertions.Expect(ibenText).Not.ToBeVisibleAsync();
            foreach (var member in new[] { mia, jens })
            {
                await member.Page.Locator("[data-testid=hearing-approve]").ClickAsync();
            }
            await Assertions.Expect(gitte.Page.Locator("[data-testid=hearing-approver]").Filter(new() { HasText = Jens })).ToContainTextAsync("godkendt");
            await gitte.Page.Locator("[data-testid=hearing-final-approval]").ClickAsync();
            await Assertions.Expect(mia.Page.Locator("[data-testid=hearing-approval-state]")).ToContainTextAsync("Endeligt godkendt af Gitte Holmgaard");
            await AxeScan.AssertNoViolationsAsync(gitte.Page);

            // The Word export holds the council, the letterhead and both passages, without markers.
            var download = await mia.Page.RunAndWaitForDownloadAsync(() => mia.Page.Locator("[data-testid=hearing-export]").ClickAsync());
            Assert.EndsWith(".docx", download.SuggestedFilename);
            await using (var file = File.OpenRead(await download.PathAsync()))
            {
                using var document = WordprocessingDocument.Open(file, false);
                var text = document.MainDocumentPart!.Document.Body!.InnerText;
                Assert.Contains("Udsatterådet", text);
                Assert.Contains($"Høringssvar vedr. {title}", text);
                Assert.Contains(remarks[mia], text);
                Assert.Contains(remarks[jens], text);
                Assert.DoesNotContain("⟦", text);
            }

            // Mails: opened (to the members) and approval requested.
            var mails = Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).ToList();
            Assert.Contains(mails, m => m.Subject == $"Ny høring i Udsatterådet: {title}" && m.To.Mailboxes.Single().Address == DemoPeople.EmailOf(DemoPeople.Member));
            Assert.Contains(mails, m => m.Subject == $"Høringssvar til godkendelse: {title}" && m.To.Mailboxes.Single().Address == DemoPeople.EmailOf(Jens));
            foreach (var session in new[] { iben, mia, gitte, jens })
            {
                session.Errors.AssertNone();
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>MudBlazor puts the attributes on the input or around it, depending on the field.</summary>
    private static ILocator Field(IPage page, string testId, string element) =>
        page.Locator($"{element}[data-testid={testId}], [data-testid={testId}] {element}").First;

    private static ILocator Remark(UserSession session, string text) =>
        session.Page.Locator("[data-testid=hearing-remark]").Filter(new() { HasText = text }).First;
}
