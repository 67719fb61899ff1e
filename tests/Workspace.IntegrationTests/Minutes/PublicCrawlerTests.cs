using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Minutes;
using Workspace.Web.Seeding;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Minutes;

/// <summary>
/// Starts at /public without signing in, follows every same-site link and file (bounded), and finds nothing of a closed
/// item (title, texts, remarks, attachment), of draft minutes and their comments, or of an unpublished meeting.
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
            await db.SaveChangesAsync(Ct);
        }
        string[] forbidden =
        [
            DemoData.ClosedDemoItemTitle, DemoData.ClosedDemoItemBackground, DemoData.ClosedDemoItemDecision, DemoData.ClosedDemoItemRemark,
            "Ebbe Korsholm", attachmentName, comment, draftTitle,
            // the next meeting's closed item, and the held meeting's not yet approved minutes text and remarks
            "Henvendelse fra en borger om husleje og bostøtte", "ni anbefalinger", "Mangel på billige boliger",
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
