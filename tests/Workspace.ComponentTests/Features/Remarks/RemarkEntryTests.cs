using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Remarks;

namespace Workspace.ComponentTests.Features.Remarks;

public sealed class RemarkEntryTests : ComponentTestContext
{
    [Fact]
    public void Own_remark_offers_edit_delete_and_make_it_a_follow_up()
    {
        // Arrange
        var remark = Remark(isMine: true);

        // Act
        var cut = Render<RemarkEntry>(p => p.Add(x => x.Remark, remark).Add(x => x.CanEdit, true));

        // Assert
        Assert.Contains("Husk de unge hjemløse", cut.Find(".remark-text").TextContent);
        Assert.Equal(["Redigér", "Slet", "Gør til opfølgning"], ButtonTexts(cut));
    }

    [Fact]
    public void Someone_elses_remark_offers_no_edit_or_delete()
    {
        // Arrange
        var remark = Remark(isMine: false);

        // Act
        var cut = Render<RemarkEntry>(p => p.Add(x => x.Remark, remark).Add(x => x.CanEdit, false));

        // Assert
        Assert.Contains("Husk de unge hjemløse", cut.Find(".remark-text").TextContent);
        Assert.Empty(ButtonTexts(cut));
    }

    [Fact]
    public void Remark_shows_author_and_Danish_time()
    {
        // Arrange
        var remark = Remark(isMine: false) with { CreatedAt = new DateTimeOffset(2026, 6, 30, 14, 5, 0, TimeSpan.Zero) };

        // Act
        var cut = Render<RemarkEntry>(p => p.Add(x => x.Remark, remark));

        // Assert: 14.05 UTC is 16.05 in Copenhagen summer time.
        var meta = cut.Find(".remark-meta").TextContent;
        Assert.Contains("Mia Kragh", meta);
        Assert.Contains("tirsdag den 30. juni 2026 kl. 16.05", meta);
    }

    [Fact]
    public async Task Member_edits_own_remark_and_the_new_text_is_saved()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var remark = await MiasHearingRemarkAsync(mia);
        var cut = Render<RemarkEntry>(p => p.Add(x => x.Remark, remark).Add(x => x.CanEdit, true));
        const string text = "Husk de unge hjemløse og sofasurferne.";

        // Act
        await cut.FindAll("button").Single(b => b.TextContent.Trim() == "Redigér").ClickAsync(new MouseEventArgs());
        cut.Find("textarea").Input(text);
        await cut.FindAll("button").Single(b => b.TextContent.Trim() == "Gem").ClickAsync(new MouseEventArgs());

        // Assert
        await using var db = CreateDbContext();
        var saved = await db.Remarks.SingleAsync(r => r.Id == remark.Id, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(text, saved.Text);
        Assert.NotNull(saved.EditedAt);
        Assert.Empty(cut.FindAll("textarea"));
    }

    private async Task<RemarkView> MiasHearingRemarkAsync(Web.Features.Access.WorkspaceUser mia)
    {
        var hearing = Item(DemoItems.Hearing);
        var meeting = await Services.GetRequiredService<MeetingService>().GetMeetingAsync(mia, hearing.MeetingId, Xunit.TestContext.Current.CancellationToken);
        return meeting.Items.Single(i => i.Id == hearing.Id).Remarks.Single(r => r.IsMine);
    }

    private static RemarkView Remark(bool isMine) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Mia Kragh",
            "Husk de unge hjemløse: de bor ofte hos venner og tæller ikke med i optællingen.",
            DateTimeOffset.UtcNow.AddDays(-1), null, isMine, Guid.NewGuid());

    private static List<string> ButtonTexts(IRenderedComponent<RemarkEntry> cut) =>
        cut.FindAll("button").Select(b => b.TextContent.Trim()).ToList();
}
