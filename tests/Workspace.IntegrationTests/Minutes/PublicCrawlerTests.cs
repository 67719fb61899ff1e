using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Minutes;
using Workspace.Web.Seeding;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Minutes;

/// <summary>
/// Starts at /public without signing in, follows every same-site link and file (bounded), and finds nothing of a closed
/// item (title, texts, remarks, attachment), of draft minutes and their comments, of an unpublished meeting, or of a
/// hearing whose response is not sent (its draft, its remarks); the sent responses are there, without their remarks.
/// </summary>
public sealed partial class PublicCrawlerTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private const int MaxPages = 300;

    [Fact]
    public async Task Nothing_closed_draft_or_unpublished_is_reachable_from_the_public_pages()
    {
        // Arrange: besides the demo, an attachment on the closed item, circulated minutes with a comment on the held
        // meeting, and a draft meeting of the other council
        var demo = await MinutesDemo.LoadAsync(factory);
        const string attachmentName = "borgerens-lejekontrakt-Korsholm.pdf";
        const string comment = "Kommentar der aldrig må offentliggøres";
        const string draftTitle = "Handicaprådets hemmelige udkast til møde";
        // A response sent but not filed (its text is the co-edited one) with a remark, and one in approval with a draft.
        const string sentTitle = "Høring om værestedernes åbningstider";
        const string sentResponse = "Rådet anbefaler, at værestederne holder åbent i weekenden.";
        const string sentRemark = "Bemærkning der kun er til rådet om weekendåbning";
        const string unsentTitle = "Høring om nyt herberg under udarbejdelse";
        const string unsentDraft = "Udkast til svar der aldrig må offentliggøres";
        Guid councilId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var closedItem = await db.AgendaItems.SingleAsync(i => i.MeetingId == demo.ApprovedMeeting && i.IsClosed, Ct);
            db.Attachments.Add(new Attachment { AgendaItemId = closedItem.Id, FileName = attachmentName, ContentType = "application/pdf", Size = 10, StorageKey = "crawler-test", UploadedAt = DateTimeOffset.UtcNow });
            var heldItem = await db.AgendaItems.FirstAsync(i => i.MeetingId == demo.HeldMeeting && i.ParentId == null && i.Number == 3, Ct);
            var minutes = new MeetingMinutes { MeetingId = demo.HeldMeeting, Status = MinutesStatus.InCirculation, CreatedAt = DateTimeOffset.UtcNow, CommentDeadline = DateTimeOffset.UtcNow.AddDays(3) };
            minutes.Comments.Add(new MinutesComment { AgendaItemId = heldItem.Id, AuthorId = await DemoIds.PersonIdAsync(factory, DevSignIn.Member), Text = comment, CreatedAt = DateTimeOffset.UtcNow });
            db.Set<MeetingMinutes>().Add(minutes);
            var handicap = await db.Councils.SingleAsync(c => c.Name == "Handicaprådet", Ct);
            db.Meetings.Add(new Meeting { CouncilId = handicap.Id, Title = draftTitle, StartsAt = DateTimeOffset.UtcNow.AddDays(30), EndsAt = DateTimeOffset.UtcNow.AddDays(30).AddHours(2), Status = MeetingStatus.Draft });
            councilId = await db.Meetings.Where(m => m.Id == demo.HeldMeeting).Select(m => m.CouncilId).SingleAsync(Ct);
            var iben = await DemoIds.PersonIdAsync(factory, DevSignIn.Administration);
            var sent = new Hearing
            {
                CouncilId = councilId, Title = sentTitle, Sender = "Kultur- og Fritidsudvalget", Status = HearingStatus.Sent,
                Deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)), RemarksDeadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-9)),
                ApprovedAt = DateTimeOffset.UtcNow.AddDays(-4), SentOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)), SentTo = "Kultur- og Fritidsudvalget",
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-20), CreatedById = iben,
            };
            sent.Remarks.Add(new HearingRemark { AuthorId = await DemoIds.PersonIdAsync(factory, DevSignIn.Member), Organisation = "Bøgeby Værested", Text = sentRemark, CreatedAt = DateTimeOffset.UtcNow.AddDays(-15) });
            var unsent = new Hearing
            {
                CouncilId = councilId, Title = unsentTitle, Sender = "Socialudvalget", Status = HearingStatus.InApproval,
                Deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)), RemarksDeadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)),
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-10), CreatedById = iben,
            };
            db.Hearings.AddRange(sent, unsent);
            await db.SaveChangesAsync(Ct);
            // The sent response keeps the passage markers of decision 017 in its text; the public never sees them.
            var remarkTag = Workspace.Web.Features.Hearings.ResponseProvenance.TagOf(sent.Remarks[0].Id);
            var texts = factory.Service<TextDocumentService>();
            await texts.GetAsync(TextDocumentIds.ForHearingResponse(sent.Id), "", Ct);
            await texts.GetAsync(TextDocumentIds.ForHearingResponse(unsent.Id), "", Ct);
            await texts.SubmitAsync(TextDocumentIds.ForHearingResponse(sent.Id), 0,
                TextOperation.Insert(0, Workspace.Web.Features.Hearings.ResponseProvenance.Wrap([remarkTag], sentResponse)), iben, "crawler", 1, Ct);
            await texts.SubmitAsync(TextDocumentIds.ForHearingResponse(unsent.Id), 0,
                TextOperation.Insert(0, unsentDraft), iben, "crawler", 1, Ct);
        }
        string[] forbidden =
        [
            DemoData.ClosedDemoItemTitle, DemoData.ClosedDemoItemBackground, DemoData.ClosedDemoItemDecision, DemoData.ClosedDemoItemRemark,
            "Ebbe Korsholm", attachmentName, comment, draftTitle,
            // the next meeting's closed item, and the held meeting's not yet approved minutes text and remarks
            "Henvendelse fra en borger om husleje og bostøtte", "ni anbefalinger", "Mangel på billige boliger",
            // hearings: a response not sent (title and draft), the demo's response being drafted and its remarks, the
            // remarks of the sent responses, and the passage markers
            unsentTitle, unsentDraft, sentRemark, "Udvalget beder rådet om bemærkninger", "Rådet foreslår et mål for", "Husk de unge hjemløse",
            "Aftenbostøtte mangler i standarden", "⟦",
        ];
        var client = factory.AnonymousClient();

        // Act
        var (pages, failures) = await CrawlAsync(client, "/public");

        // Assert: the crawl reached the council, its agendas, the approved minutes, the feed and the calendar
        Assert.Empty(failures);
        Assert.Contains(pages.Keys, u => u.StartsWith("/public/councils/", StringComparison.Ordinal) && u.EndsWith("/feed.atom", StringComparison.Ordinal));
        Assert.Contains(pages.Keys, u => u.EndsWith("/calendar.ics", StringComparison.Ordinal));
        Assert.Contains($"/public/meetings/{demo.ApprovedMeeting}/minutes", pages.Keys);
        Assert.Contains($"/public/meetings/{demo.HeldMeeting}/agenda", pages.Keys);
        Assert.DoesNotContain($"/public/meetings/{demo.HeldMeeting}/minutes", pages.Keys);
        Assert.Contains(MinutesDocument.ClosedItemTitle, pages[$"/public/meetings/{demo.ApprovedMeeting}/minutes"]);
        Assert.Contains("Det er vigtigt, at åbningstiderne", pages[$"/public/meetings/{demo.ApprovedMeeting}/minutes"]);
        // The sent responses: listed on the council page newest first, each with its final text, and in the feed.
        var councilPage = pages[$"/public/councils/{councilId}"];
        Assert.True(councilPage.IndexOf(sentTitle, StringComparison.Ordinal) < councilPage.IndexOf("Kvalitetsstandarder for 2027", StringComparison.Ordinal));
        var responses = pages.Where(p => p.Key.StartsWith("/public/hearings/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, responses.Count);
        Assert.Contains(responses, p => p.Value.Contains(sentResponse, StringComparison.Ordinal));
        Assert.Contains(responses, p => p.Value.Contains("aftenbostøtte nævnes som en del af standarden", StringComparison.Ordinal));
        var feed = pages[$"/public/councils/{councilId}/feed.atom"];
        Assert.Contains($"Høringssvar: {sentTitle}", feed);
        Assert.Contains("Høringssvar: Kvalitetsstandarder for 2027", feed);
        foreach (var (url, body) in pages)
        {
            foreach (var text in forbidden)
            {
                Assert.False(body.Contains(text, StringComparison.OrdinalIgnoreCase),
                    $"{url} shows \"{text}\".");
            }
        }
    }

    private static async Task<(Dictionary<string, string> Pages, List<string> Failures)> CrawlAsync(HttpClient client, string start)
    {
        var pages = new Dictionary<string, string>();
        var failures = new List<string>();
        var queue = new Queue<string>([start]);
        var seen = new HashSet<string>([start]);
        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url, Ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // Static assets of the layout are not the public content; everything else linked must answer.
                failures.Add($"{url}: {(int)response.StatusCode}");
                continue;
            }
            // Decoded, so that an encoded letter ("&#xF8;") cannot hide a forbidden text.
            var body = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
            pages[url] = body;
            foreach (Match match in Link().Matches(body))
            {
                var href = match.Groups["url"].Value;
                // Only http(s) addresses: on Linux "/public" parses as an absolute file: URI.
                if (href.StartsWith("http", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(href, UriKind.Absolute, out var absolute))
                {
                    if (absolute.Host != "localhost")
                    {
                        continue;
                    }
                    href = absolute.PathAndQuery;
                }
                // "/" is the layout's <base href>, not a link.
                if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal) || href == "/")
                {
                    continue;
                }
                href = href.Split('#')[0];
                if (seen.Add(href))
                {
                    queue.Enqueue(href);
                }
            }
        }
        return (pages, failures);
    }

    [GeneratedRegex("(?:href|src)\\s*=\\s*\"(?<url>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
