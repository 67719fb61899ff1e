using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Features.Hearings;

namespace Workspace.IntegrationTests.Hearings;

/// <summary>The app with its mail in a temporary folder of its own and the hearing reminder's timer off (the tests call it).</summary>
public sealed class HearingMailFactory : WorkspaceFactory
{
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), $"radsrum-hearing-mail-{Guid.NewGuid():N}");

    public IReadOnlyList<MimeMessage> Mails(string title) =>
        (Directory.Exists(PickupDirectory) ? Directory.GetFiles(PickupDirectory, "*.eml") : [])
            .Select(f => MimeMessage.Load(f)).Where(m => m.Subject?.EndsWith(title, StringComparison.Ordinal) == true).ToList();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
        builder.UseSetting("Email:Smtp:Host", "");
        builder.UseSetting("Hearings:Reminders:Enabled", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }
}

/// <summary>
/// The hearing's mails through the app's sender (here its pickup folder): opened (to the members), the internal deadline
/// in three days (to the members who have not written, once), approval requested, and approved and sent; and its
/// material files, checked as an agenda item's are.
/// </summary>
public sealed class HearingMailTests(HearingMailFactory factory) : IClassFixture<HearingMailFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Workspace.Web.Components.Shared.CopenhagenTime.Zone).DateTime);

    [Fact]
    public async Task Opened_deadline_soon_approval_and_sent_mails_reach_the_right_members_once()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var hearings = factory.Service<HearingService>();
        var approval = factory.Service<HearingApprovalService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var chair = await factory.UserAsync(DevSignIn.Chair);
        var poul = await factory.UserAsync("Poul Skovbo");
        var title = $"Mailhøring {Guid.NewGuid():N}";
        var members = await MemberEmailsAsync(ids.Udsatteraadet);
        var poulsEmail = await EmailOfAsync(poul.PersonId!.Value);

        // Act: opened, Poul writes, the reminder runs twice, then approval and sending
        var id = await hearings.CreateAsync(secretary, ids.Udsatteraadet, new HearingInput
        {
            Title = title, Sender = "Beskæftigelses- og Socialudvalget", Deadline = Today.AddDays(20), RemarksDeadline = Today.AddDays(3),
        }, Ct);
        await hearings.AddRemarkAsync(poul, id, new HearingRemarkInput { Text = "Husk de unge." }, Ct);
        var reminders = factory.Service<HearingReminders>();
        await reminders.SendDueAsync(Ct);
        await reminders.SendDueAsync(Ct);
        var documentId = TextDocumentIds.ForHearingResponse(id);
        var documents = factory.Service<TextDocumentService>();
        await documents.GetAsync(documentId, "", Ct);
        await documents.SubmitAsync(documentId, 0, TextOperation.Insert(0, "Rådet støtter udkastet."), secretary.PersonId!.Value, $"mail-{Guid.NewGuid():N}", 1, Ct);
        await approval.SendForApprovalAsync(secretary, id, Today.AddDays(7), Ct);
        await approval.GiveFinalApprovalAsync(chair, id, Ct);
        await approval.MarkSentAsync(secretary, id, Today, "Beskæftigelses- og Socialudvalget", Ct);

        // Assert
        var mails = factory.Mails(title);
        string[] To(string subject) => mails.Where(m => m.Subject == subject).Select(m => m.To.Mailboxes.Single().Address).Order().ToArray();
        Assert.NotEmpty(members);
        Assert.Equal(members, To($"Ny høring i Udsatterådet: {title}"));
        Assert.Equal(members.Where(m => m != poulsEmail).ToArray(), To($"Påmindelse: frist for bemærkninger til {title}"));
        Assert.Equal(members, To($"Høringssvar til godkendelse: {title}"));
        Assert.Equal(members, To($"Høringssvaret er godkendt og sendt: {title}"));
        Assert.Contains("Beskæftigelses- og Socialudvalget", mails.First(m => m.Subject?.StartsWith("Høringssvaret er godkendt", StringComparison.Ordinal) == true).TextBody);
        // Approved: the administration, who sends it, is told once; the members hear of it when it is sent.
        var administration = await EmailsAsync(ids.Udsatteraadet, MembershipKind.Administration);
        Assert.NotEmpty(administration);
        Assert.Equal(administration, To($"Høringssvaret kan sendes: {title}"));
        Assert.Contains($"Send det til Beskæftigelses- og Socialudvalget inden høringsfristen {Today.AddDays(20).ToString("d. MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("da-DK"))}",
            // (long lines are wrapped in the message)
            System.Text.RegularExpressions.Regex.Replace(mails.First(m => m.Subject == $"Høringssvaret kan sendes: {title}").TextBody!, @"\s+", " "));
    }

    [Fact]
    public async Task The_councils_approval_recorded_at_a_meeting_tells_the_administration_that_the_response_can_be_sent()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var hearings = factory.Service<HearingService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var title = $"Mødegodkendt {Guid.NewGuid():N}";
        var id = await hearings.CreateAsync(secretary, ids.Udsatteraadet, new HearingInput
        {
            Title = title, Sender = "Udvalget", Deadline = Today.AddDays(20), RemarksDeadline = Today.AddDays(10), AgendaItemId = ids.OpenItem,
        }, Ct);
        await hearings.StartDraftingAsync(secretary, id, Ct);

        // Act
        await factory.Service<HearingApprovalService>().RecordMeetingApprovalAsync(secretary, id, ids.OpenItem, Ct);

        // Assert
        var approved = factory.Mails(title).Where(m => m.Subject == $"Høringssvaret kan sendes: {title}").Select(m => m.To.Mailboxes.Single().Address).Order();
        Assert.Equal(await EmailsAsync(ids.Udsatteraadet, MembershipKind.Administration), approved);
    }

    [Fact]
    public async Task Material_files_are_checked_by_their_bytes_and_linked_items_are_offered_once()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var hearings = factory.Service<HearingService>();
        var files = factory.Service<HearingAttachmentService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var member = await factory.UserAsync(DevSignIn.Member);
        var id = await hearings.CreateAsync(secretary, ids.Udsatteraadet, new HearingInput
        {
            Title = $"Materiale {Guid.NewGuid():N}", Sender = "Udvalget", Deadline = Today.AddDays(20), RemarksDeadline = Today.AddDays(10), AgendaItemId = ids.OpenItem,
        }, Ct);

        // Act
        var program = await Assert.ThrowsAsync<InputValidationException>(() =>
            files.UploadAsync(secretary, id, "rapport.pdf", 4, new MemoryStream("MZ\0\0"u8.ToArray()), Ct));
        var script = await Assert.ThrowsAsync<InputValidationException>(() =>
            files.UploadAsync(secretary, id, "rapport.exe", 4, new MemoryStream("%PDF"u8.ToArray()), Ct));
        var pdf = await files.UploadAsync(secretary, id, "../../Høringsmateriale.pdf", 12, new MemoryStream("%PDF-1.4\n%EOF"u8.ToArray()), Ct);
        var offered = await hearings.LinkableItemsAsync(secretary, id, Ct);
        await hearings.LinkItemAsync(secretary, id, ids.ClosedItem, primary: false, Ct);
        var seen = await hearings.GetAsync(member, id, Ct);

        // Assert
        Assert.Equal(AttachmentService.WrongTypeKey, Assert.Single(program.Errors).MessageKey);
        Assert.Equal(AttachmentService.WrongTypeKey, Assert.Single(script.Errors).MessageKey);
        Assert.DoesNotContain("/", pdf.FileName);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal([pdf.Id], seen.Attachments.Select(a => a.Id));
        Assert.DoesNotContain(offered, i => i.AgendaItemId == ids.OpenItem);
        Assert.Contains(offered, i => i.AgendaItemId == ids.ClosedItem);
        Assert.DoesNotContain(offered, i => i.AgendaItemId == ids.OtherCouncilItem);
        Assert.Equal(ids.OpenItem, seen.Items[0].AgendaItemId);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(2, await db.HearingItems.CountAsync(i => i.HearingId == id, Ct));
    }

    private Task<string[]> MemberEmailsAsync(Guid councilId) => EmailsAsync(councilId, MembershipKind.Member);

    private async Task<string[]> EmailsAsync(Guid councilId, MembershipKind kind)
    {
        var today = Today;
        await using var db = await factory.CreateDbContextAsync();
        return (await db.Memberships.AsNoTracking()
            .Where(m => m.CouncilId == councilId && m.Kind == kind && m.Person!.Email != null && m.Person.Email != ""
                && (m.TermStart == null || m.TermStart <= today) && (m.TermEnd == null || m.TermEnd >= today))
            .Select(m => m.Person!.Email!).ToListAsync(Ct)).Order().ToArray();
    }

    private async Task<string> EmailOfAsync(Guid personId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.People.Where(p => p.Id == personId).Select(p => p.Email!).SingleAsync(Ct);
    }
}
