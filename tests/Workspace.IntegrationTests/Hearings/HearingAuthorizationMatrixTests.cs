using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Features.Hearings;

namespace Workspace.IntegrationTests.Hearings;

public enum HearingAction
{
    ReadList,
    ReadHearing,
    Create,
    Edit,
    AddLink,
    Remark,
    Agree,
    Group,
    StartDrafting,
    EditResponse,
    SendForApproval,
    AnswerApproval,
    FinalApproval,
    RecordMeetingApproval,
    MarkSent,
    File,
    ExportWord,
    LinkItem,
    UploadFile,
    DownloadFile,
    DeleteFile,
    UnlinkItem,
    ReadHistory,
    RestoreResponse,
}

public enum HearingOutcome
{
    Allowed,
    AccessDenied,
    NotFound,
}

/// <summary>
/// Who may do what with Udsatterådet's hearings: the administration manages (material, approval request, sending,
/// filing) and drafts; the chair drafts, groups and gives the final approval; members remark, agree and approve; a
/// substitute not called in reads; another council's chair finds nothing. Each row acts on a hearing of its own, made
/// by the secretary and brought into the state the action needs.
/// </summary>
public sealed class HearingAuthorizationMatrixTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private const HearingOutcome A = HearingOutcome.Allowed;
    private const HearingOutcome D = HearingOutcome.AccessDenied;
    private const HearingOutcome N = HearingOutcome.NotFound;

    public static IEnumerable<TheoryDataRow<string, HearingAction, HearingOutcome>> Matrix()
    {
        var rows = new List<TheoryDataRow<string, HearingAction, HearingOutcome>>();
        void Person(string name, params HearingOutcome[] expected)
        {
            Assert.Equal(Enum.GetValues<HearingAction>().Length, expected.Length);
            foreach (var (action, outcome) in Enum.GetValues<HearingAction>().Zip(expected, (a, o) => (a, o)))
            {
                rows.Add(new TheoryDataRow<string, HearingAction, HearingOutcome>(name, action, outcome));
            }
        }

        //                                   list read create edit link remark agree group draft text send answer final meeting sent file word item upload download delfile unlink history restore
        Person(DevSignIn.Administration,     A,   A,   A,     A,   A,   D,     D,    A,    A,    A,   A,   D,     D,    A,      A,   A,   A,   A,   A,     A,     A,   A,     A,      A);
        Person(DevSignIn.Chair,              A,   A,   D,     D,   D,   A,     A,    A,    A,    A,   D,   A,     A,    D,      D,   D,   A,   D,   D,     A,     D,   D,     A,      A);
        Person(DevSignIn.Member,             A,   A,   D,     D,   D,   A,     A,    D,    D,    D,   D,   A,     D,    D,      D,   D,   A,   D,   D,     A,     D,   D,     A,      D);
        Person(DevSignIn.Substitute,         A,   A,   D,     D,   D,   D,     D,    D,    D,    D,   D,   D,     D,    D,      D,   D,   A,   D,   D,     A,     D,   D,     A,      D);
        Person(DevSignIn.OtherCouncilChair,  N,   N,   N,     N,   N,   N,     N,    N,    N,    N,   N,   N,     N,    N,      N,   N,   N,   N,   N,     N,     N,   N,     N,      N);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_do_with_hearings_what_its_rights_allow(string person, HearingAction action, HearingOutcome expected)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var hearings = factory.Service<HearingService>();
        var approval = factory.Service<HearingApprovalService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var user = await factory.UserAsync(person);
        var hearingId = await HearingIn(action, ids);
        var poulsRemark = await RemarkByPoulAsync(hearingId);

        // Act
        var outcome = await OutcomeOfAsync(action switch
        {
            HearingAction.ReadList => () => hearings.ListAsync(user, ids.Udsatteraadet, Ct),
            HearingAction.ReadHearing => () => hearings.GetAsync(user, hearingId, Ct),
            HearingAction.Create => () => hearings.CreateAsync(user, ids.Udsatteraadet, Input("Ny i matrix"), Ct),
            HearingAction.Edit => async () => await hearings.EditAsync(user, hearingId, Input("Ændret i matrix"), await StampAsync(hearingId), Ct),
            HearingAction.AddLink => () => hearings.AddLinkAsync(user, hearingId, new LinkInput { Title = "Udkast", Url = "https://boegeby.example/udkast" }, Ct),
            HearingAction.Remark => () => hearings.AddRemarkAsync(user, hearingId, new HearingRemarkInput { Text = "Matrix-bemærkning" }, Ct),
            HearingAction.Agree => () => hearings.ToggleSupportAsync(user, poulsRemark, Ct),
            HearingAction.Group => () => hearings.SetHeadingAsync(user, poulsRemark, "Kapitel 2", Ct),
            HearingAction.StartDrafting => () => hearings.StartDraftingAsync(user, hearingId, Ct),
            HearingAction.EditResponse => async () =>
            {
                var (status, rights) = await hearings.ResponseAccessAsync(user, hearingId, Ct);
                rights.Ensure(rights.CanEditResponse(status));
            },
            HearingAction.SendForApproval => () => approval.SendForApprovalAsync(user, hearingId, Today.AddDays(7), Ct),
            HearingAction.AnswerApproval => () => approval.AnswerAsync(user, hearingId, true, null, Ct),
            HearingAction.FinalApproval => () => approval.GiveFinalApprovalAsync(user, hearingId, Ct),
            HearingAction.RecordMeetingApproval => () => approval.RecordMeetingApprovalAsync(user, hearingId, ids.OpenItem, Ct),
            HearingAction.MarkSent => () => approval.MarkSentAsync(user, hearingId, Today, "Beskæftigelses- og Socialudvalget", Ct),
            HearingAction.File => () => approval.FileAsync(user, hearingId, Ct),
            HearingAction.ExportWord => () => ExportAsync(person, hearingId),
            HearingAction.LinkItem => () => hearings.LinkItemAsync(user, hearingId, ids.ClosedItem, false, Ct),
            HearingAction.UploadFile => () => factory.Service<HearingAttachmentService>().UploadAsync(user, hearingId, "udkast.pdf", Pdf.Length, new MemoryStream(Pdf), Ct),
            HearingAction.DownloadFile => () => DownloadAsync(person, hearingId),
            HearingAction.DeleteFile => async () => await factory.Service<HearingAttachmentService>().DeleteAsync(user, await FileOfAsync(hearingId), Ct),
            HearingAction.UnlinkItem => () => hearings.UnlinkItemAsync(user, hearingId, ids.OpenItem, Ct),
            HearingAction.ReadHistory => async () => Assert.NotEmpty(await hearings.ResponseHistoryAsync(user, hearingId, Ct)),
            HearingAction.RestoreResponse => () => hearings.RestoreResponseAsync(user, hearingId, 1, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        });

        // Assert: the outcome, and that the data changed exactly when the action was allowed
        Assert.Equal(expected, outcome);
        await using var db = await factory.CreateDbContextAsync();
        var hearing = await db.Hearings.AsNoTracking().SingleAsync(h => h.Id == hearingId, Ct);
        var changed = action switch
        {
            HearingAction.Create => await db.Hearings.AnyAsync(h => h.Title == "Ny i matrix" && h.CreatedById == user.PersonId, Ct),
            HearingAction.Edit => hearing.Title == "Ændret i matrix",
            HearingAction.AddLink => await db.HearingLinks.AnyAsync(l => l.HearingId == hearingId, Ct),
            HearingAction.Remark => await db.HearingRemarks.AnyAsync(r => r.HearingId == hearingId && r.Text == "Matrix-bemærkning", Ct),
            HearingAction.Agree => await db.HearingSupports.AnyAsync(s => s.RemarkId == poulsRemark && s.PersonId == user.PersonId, Ct),
            HearingAction.Group => await db.HearingRemarks.AnyAsync(r => r.Id == poulsRemark && r.Heading == "Kapitel 2", Ct),
            HearingAction.StartDrafting => hearing.Status == HearingStatus.Drafting,
            HearingAction.SendForApproval => hearing.Status == HearingStatus.InApproval,
            HearingAction.AnswerApproval => await db.HearingApprovals.AnyAsync(a => a.HearingId == hearingId && a.PersonId == user.PersonId, Ct),
            HearingAction.FinalApproval => hearing.ApprovedAt is not null,
            HearingAction.RecordMeetingApproval => hearing.ApprovedAtItemId == ids.OpenItem,
            HearingAction.MarkSent => hearing.Status == HearingStatus.Sent,
            HearingAction.File => hearing.Status == HearingStatus.Filed && hearing.FiledText is not null,
            HearingAction.LinkItem => await db.HearingItems.AnyAsync(i => i.HearingId == hearingId && i.AgendaItemId == ids.ClosedItem, Ct),
            HearingAction.UploadFile => await db.HearingAttachments.AnyAsync(a => a.HearingId == hearingId, Ct),
            HearingAction.DeleteFile => !await db.HearingAttachments.AnyAsync(a => a.HearingId == hearingId, Ct),
            HearingAction.UnlinkItem => !await db.HearingItems.AnyAsync(i => i.HearingId == hearingId, Ct),
            HearingAction.RestoreResponse => !(await factory.Service<TextDocumentService>().GetAsync(TextDocumentIds.ForHearingResponse(hearingId), "", Ct)).Text
                .Contains("Senere tilføjet.", StringComparison.Ordinal),
            _ => outcome == HearingOutcome.Allowed,
        };
        Assert.Equal(expected == HearingOutcome.Allowed, changed);
    }

    [Fact]
    public async Task A_substitute_called_in_at_the_hearings_meeting_remarks_and_another_councils_item_cannot_be_linked()
    {
        // Arrange: Carsten steps in for Mia at the next meeting, whose item is the hearing's
        var ids = await DemoIds.LoadAsync(factory);
        var hearings = factory.Service<HearingService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var substitute = await factory.UserAsync(DevSignIn.Substitute);
        var hearingId = await hearings.CreateAsync(secretary, ids.Udsatteraadet, Input("Indkaldt suppleant", ids.OpenItem), Ct);
        var call = new SubstituteCall
        {
            MeetingId = ids.NextMeeting,
            SubstituteId = substitute.PersonId!.Value,
            ForMemberId = await DemoIds.PersonIdAsync(factory, DevSignIn.Member),
            Status = SubstituteCallStatus.Confirmed,
            ProposedAt = DateTimeOffset.UtcNow,
        };
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.SubstituteCalls.Add(call);
            await db.SaveChangesAsync(Ct);
        }

        try
        {
            // Act
            var remark = await hearings.AddRemarkAsync(substitute, hearingId, new HearingRemarkInput { Text = "Som suppleant: enig i kapitel 3." }, Ct);
            var linkOther = await OutcomeOfAsync(() => hearings.LinkItemAsync(secretary, hearingId, ids.OtherCouncilItem, false, Ct));

            // Assert
            var details = await hearings.GetAsync(substitute, hearingId, Ct);
            Assert.Contains(details.Remarks, r => r.Id == remark && r.AuthorName == DevSignIn.Substitute);
            Assert.Equal(HearingOutcome.NotFound, linkOther);
        }
        finally
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.SubstituteCalls.Where(c => c.Id == call.Id).ExecuteDeleteAsync(Ct);
        }
    }

    [Theory]
    [InlineData(DevSignIn.Administration, true)]
    [InlineData(DevSignIn.Chair, false)]
    [InlineData(DevSignIn.Member, false)]
    [InlineData(DevSignIn.Substitute, false)]
    [InlineData(DevSignIn.OtherCouncilChair, false)]
    public async Task Only_the_administration_makes_a_hearing_from_an_agenda_item(string person, bool allowed)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var client = await factory.SignedInClientAsync(person);

        // Act
        using var response = await client.GetAsync($"/hearings/from-item/{ids.OpenItem}", Ct);

        // Assert
        if (!allowed)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            return;
        }
        var target = response.Headers.Location ?? response.RequestMessage!.RequestUri!;
        var path = target.IsAbsoluteUri ? target.PathAndQuery : target.OriginalString;
        Assert.Equal($"/councils/{ids.Udsatteraadet}/hearings?item={ids.OpenItem}", path);
    }

    [Fact]
    public async Task Remarks_close_after_the_internal_deadline_and_bad_input_is_refused_with_its_field()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var hearings = factory.Service<HearingService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var member = await factory.UserAsync(DevSignIn.Member);
        var past = new HearingInput { Title = "Fristen er gået", Sender = "Udvalget", Deadline = Today.AddDays(5), RemarksDeadline = Today.AddDays(-1) };
        var pastId = await hearings.CreateAsync(secretary, ids.Udsatteraadet, past, Ct);

        // Act
        var late = await OutcomeOfAsync(() => hearings.AddRemarkAsync(member, pastId, new HearingRemarkInput { Text = "For sent" }, Ct));
        var invalid = await Assert.ThrowsAsync<InputValidationException>(() => hearings.CreateAsync(secretary, ids.Udsatteraadet,
            new HearingInput { Title = "", Sender = "Udvalget", Deadline = Today, RemarksDeadline = Today.AddDays(3) }, Ct));

        // Assert
        Assert.Equal(HearingOutcome.AccessDenied, late);
        Assert.Contains(invalid.Errors, e => e.Field == nameof(HearingInput.Title));
        Assert.Contains(invalid.Errors, e => e.Field == nameof(HearingInput.RemarksDeadline) && e.MessageKey == "Hearings.RemarksDeadlineAfterDeadline");
    }

    [Fact]
    public async Task The_word_export_holds_the_letterhead_the_passages_without_markers_and_the_members()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var hearingId = await HearingIn(HearingAction.ExportWord, ids);

        // Act
        using var client = await factory.SignedInClientAsync(DevSignIn.Member);
        using var response = await client.GetAsync($"/hearings/{hearingId}/response.docx", Ct);
        response.EnsureSuccessStatusCode();
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var document = WordprocessingDocument.Open(stream, false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText).ToList();

        // Assert
        Assert.Equal(HearingExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Udsatterådet", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Høringssvar vedr. Matrix", StringComparison.Ordinal));
        Assert.Contains("Rådet støtter kvalitetsstandarden.", paragraphs);
        Assert.Contains(paragraphs, p => p.Contains("Boligsociale tilbud skal nævnes", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains(ResponseProvenance.Open));
        Assert.Contains(paragraphs, p => p.Contains(DevSignIn.Member, StringComparison.Ordinal));
    }

    // The app counts days in Copenhagen; the test machine runs in UTC.
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).DateTime);

    private static HearingInput Input(string title, Guid? itemId = null) => new()
    {
        Title = title,
        Sender = "Beskæftigelses- og Socialudvalget",
        Deadline = Today.AddDays(30),
        RemarksDeadline = Today.AddDays(14),
        AgendaItemId = itemId,
    };

    /// <summary>A hearing of the secretary's with one remark by Poul and a response, brought to the state the action needs.</summary>
    private async Task<Guid> HearingIn(HearingAction action, DemoIds ids)
    {
        var hearings = factory.Service<HearingService>();
        var approval = factory.Service<HearingApprovalService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var chair = await factory.UserAsync(DevSignIn.Chair);
        var poul = await factory.UserAsync("Poul Skovbo");
        var id = await hearings.CreateAsync(secretary, ids.Udsatteraadet, Input($"Matrix {action} {Guid.NewGuid():N}", ids.OpenItem), Ct);
        var remark = await hearings.AddRemarkAsync(poul, id, new HearingRemarkInput { Text = "Boligsociale tilbud skal nævnes." }, Ct);
        var documents = factory.Service<TextDocumentService>();
        var documentId = TextDocumentIds.ForHearingResponse(id);
        await documents.GetAsync(documentId, "", Ct);
        var text = "Rådet støtter kvalitetsstandarden.\n\n" + ResponseProvenance.Wrap([ResponseProvenance.TagOf(remark)], "Boligsociale tilbud skal nævnes.");
        await documents.SubmitAsync(documentId, 0, TextOperation.Insert(0, text), secretary.PersonId!.Value, $"matrix-{Guid.NewGuid():N}", 1, Ct);
        if (action is HearingAction.RestoreResponse)
        {
            // A second version, so that the first can be restored.
            await documents.SubmitAsync(documentId, 1, TextOperation.Insert(text.Length, "\n\nSenere tilføjet."), chair.PersonId!.Value, $"matrix-{Guid.NewGuid():N}", 1, Ct);
        }
        if (action is HearingAction.AnswerApproval or HearingAction.FinalApproval or HearingAction.MarkSent or HearingAction.File)
        {
            await approval.SendForApprovalAsync(secretary, id, Today.AddDays(7), Ct);
        }
        if (action is HearingAction.MarkSent or HearingAction.File)
        {
            await approval.GiveFinalApprovalAsync(chair, id, Ct);
        }
        if (action is HearingAction.File)
        {
            await approval.MarkSentAsync(secretary, id, Today, "Beskæftigelses- og Socialudvalget", Ct);
        }
        if (action is HearingAction.DownloadFile or HearingAction.DeleteFile)
        {
            await factory.Service<HearingAttachmentService>().UploadAsync(secretary, id, "udkast.pdf", Pdf.Length, new MemoryStream(Pdf), Ct);
        }
        if (action is HearingAction.RecordMeetingApproval)
        {
            await hearings.StartDraftingAsync(secretary, id, Ct);
        }
        return id;
    }

    private async Task<Guid> RemarkByPoulAsync(Guid hearingId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.HearingRemarks.Where(r => r.HearingId == hearingId).Select(r => r.Id).FirstAsync(Ct);
    }

    private async Task<Guid> StampAsync(Guid hearingId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Hearings.Where(h => h.Id == hearingId).Select(h => h.ConcurrencyStamp).SingleAsync(Ct);
    }

    private static byte[] Pdf => "%PDF-1.4\n% hearing material\n%%EOF\n"u8.ToArray();

    private async Task<Guid> FileOfAsync(Guid hearingId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.HearingAttachments.Where(a => a.HearingId == hearingId).Select(a => a.Id).SingleAsync(Ct);
    }

    private async Task DownloadAsync(string person, Guid hearingId)
    {
        var attachmentId = await FileOfAsync(hearingId);
        using var client = await factory.SignedInClientAsync(person);
        using var response = await client.GetAsync($"/hearings/attachments/{attachmentId}", Ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new NotFoundException();
        }
        response.EnsureSuccessStatusCode();
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    private async Task ExportAsync(string person, Guid hearingId)
    {
        using var client = await factory.SignedInClientAsync(person);
        using var response = await client.GetAsync($"/hearings/{hearingId}/response.docx", Ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new NotFoundException();
        }
        response.EnsureSuccessStatusCode();
    }

    private static async Task<HearingOutcome> OutcomeOfAsync(Func<Task> action)
    {
        try
        {
            await action();
            return HearingOutcome.Allowed;
        }
        catch (AccessDeniedException)
        {
            return HearingOutcome.AccessDenied;
        }
        catch (NotFoundException)
        {
            return HearingOutcome.NotFound;
        }
    }
}
