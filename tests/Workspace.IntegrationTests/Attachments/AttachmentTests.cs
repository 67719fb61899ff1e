using System.Net;
using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Features.Attendance;
using Workspace.Web.Features.Meetings;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Attachments;

/// <summary>Uploads, downloads and links on agenda items. Own database and file folder per test class.</summary>
public sealed class AttachmentTests : IAsyncLifetime
{
    private readonly AttachmentFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private AttachmentService Attachments => _factory.Service<AttachmentService>();

    [Fact]
    public async Task Download_returns_the_bytes_as_an_attachment_with_the_danish_file_name_and_no_sniffing()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var pdf = SampleFiles.Pdf("Hjemloesestrategi");
        var uploaded = await Attachments.UploadAsync(await SecretaryAsync(), ids.OpenItem, "Høringssvar fra ældrerådet.pdf", pdf.Length, new MemoryStream(pdf), Ct);
        using var member = await _factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        using var response = await member.GetAsync($"/attachments/{uploaded.Id}", Ct);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, body);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Høringssvar fra ældrerådet.pdf", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''H%C3%B8ringssvar", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_attachment_is_not_found()
    {
        // Arrange
        using var secretary = await _factory.SignedInClientAsync(DevSignIn.Administration);

        // Act
        using var response = await secretary.GetAsync($"/attachments/{Guid.NewGuid()}", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("rapport.pdf")]
    [InlineData("rapport.docx")]
    [InlineData("rapport.exe")]
    public async Task Renamed_program_is_refused_as_a_wrong_type_and_nothing_is_stored(string fileName)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await SecretaryAsync();
        var exe = SampleFiles.Exe();

        // Act
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            Attachments.UploadAsync(secretary, ids.OpenItem, fileName, exe.Length, new MemoryStream(exe), Ct));

        // Assert
        Assert.Equal([new FieldError("File", "Validation.FileType")], error.Errors);
        Assert.Equal(0, await AttachmentCountAsync(ids.OpenItem));
        Assert.Equal(0, _factory.StoredFileCount);
    }

    [Fact]
    public async Task File_larger_than_announced_is_refused_when_it_passes_the_limit_and_nothing_is_stored()
    {
        // Arrange: the browser says 1 kB, the stream goes on past 20 MB.
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await SecretaryAsync();
        var pdf = SampleFiles.Pdf();
        var tooBig = new byte[StorageOptions.DefaultMaxUploadBytes + 1];
        pdf.CopyTo(tooBig, 0);

        // Act
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            Attachments.UploadAsync(secretary, ids.OpenItem, "stor.pdf", 1024, new MemoryStream(tooBig), Ct));

        // Assert
        Assert.Equal([new FieldError("File", "Validation.FileTooLarge")], error.Errors);
        Assert.Equal(0, await AttachmentCountAsync(ids.OpenItem));
        Assert.Equal(0, _factory.StoredFileCount);
    }

    [Theory]
    [InlineData(0, "Validation.FileEmpty")]
    [InlineData(StorageOptions.DefaultMaxUploadBytes + 1, "Validation.FileTooLarge")]
    public async Task Announced_size_is_refused_before_anything_is_read(long announcedSize, string expectedKey)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await SecretaryAsync();
        var stream = new MemoryStream(SampleFiles.Pdf());

        // Act
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            Attachments.UploadAsync(secretary, ids.OpenItem, "bilag.pdf", announcedSize, stream, Ct));

        // Assert
        Assert.Equal(expectedKey, Assert.Single(error.Errors).MessageKey);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task Upload_stores_a_cleaned_name_the_detected_type_and_marks_the_item_as_changed_and_tells_every_open_page()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await SecretaryAsync();
        var changes = new List<MeetingChange>();
        using var subscription = _factory.Service<IMeetingNotifier>().Subscribe(ids.NextMeeting, change =>
        {
            lock (changes)
            {
                changes.Add(change);
            }
            return Task.CompletedTask;
        });
        var stampBefore = await ItemStampAsync(ids.OpenItem);
        var uploadStarted = DateTimeOffset.UtcNow;
        var pdf = SampleFiles.Pdf();

        // Act
        var view = await Attachments.UploadAsync(secretary, ids.OpenItem, @"C:\fakepath\Bilag\strategi.pdf", pdf.Length, new MemoryStream(pdf), Ct);

        // Assert
        Assert.Equal("strategi.pdf", view.FileName);
        Assert.Equal("application/pdf", view.ContentType);
        Assert.Equal(pdf.Length, view.Size);
        var meeting = await _factory.Service<MeetingService>().GetMeetingAsync(await _factory.UserAsync(DevSignIn.Member), ids.NextMeeting, Ct);
        var item = meeting.Items.Single(i => i.Id == ids.OpenItem);
        Assert.Equal(view.Id, Assert.Single(item.Attachments).Id);
        // UpdatedAt after PublishedAt is what marks a change after publishing (the demo meetings carry no PublishedAt).
        Assert.True(await ItemUpdatedAtAsync(ids.OpenItem) >= uploadStarted);
        // Adding material does not refuse a colleague who is editing the item's text at the same time.
        Assert.Equal(stampBefore, await ItemStampAsync(ids.OpenItem));
        await Eventually.TrueAsync(() => changes.Any(c => c.Kind == MeetingChangeKind.AgendaChanged && c.AgendaItemId == ids.OpenItem));
        Assert.Equal(1, _factory.StoredFileCount);
    }

    [Fact]
    public async Task Deleting_an_attachment_removes_the_row_and_the_stored_file()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await SecretaryAsync();
        var pdf = SampleFiles.Pdf();
        var view = await Attachments.UploadAsync(secretary, ids.OpenItem, "slettes.pdf", pdf.Length, new MemoryStream(pdf), Ct);
        Assert.Equal(1, _factory.StoredFileCount);

        // Act
        await Attachments.DeleteAttachmentAsync(secretary, view.Id, Ct);

        // Assert
        Assert.Equal(0, await AttachmentCountAsync(ids.OpenItem));
        Assert.Equal(0, _factory.StoredFileCount);
        using var client = await _factory.SignedInClientAsync(DevSignIn.Administration);
        using var response = await client.GetAsync($"/attachments/{view.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Links_keep_their_order_and_close_the_gap_when_one_is_removed()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await SecretaryAsync();
        var first = await Attachments.AddLinkAsync(secretary, ids.OpenItem, new LinkInput { Title = "Strategien", Url = " https://boegeby.example/strategi " }, Ct);
        var second = await Attachments.AddLinkAsync(secretary, ids.OpenItem, new LinkInput { Title = "Tal fra Danmarks Statistik", Url = "https://boegeby.example/tal" }, Ct);
        var third = await Attachments.AddLinkAsync(secretary, ids.OpenItem, new LinkInput { Title = "Udvalgets referat", Url = "http://boegeby.example/referat" }, Ct);

        // Act
        await Attachments.RemoveLinkAsync(secretary, second.Id, Ct);

        // Assert
        Assert.Equal("https://boegeby.example/strategi", first.Url);
        var meeting = await _factory.Service<MeetingService>().GetMeetingAsync(await _factory.UserAsync(DevSignIn.Member), ids.NextMeeting, Ct);
        var links = meeting.Items.Single(i => i.Id == ids.OpenItem).Links;
        Assert.Equal([(first.Id, 1), (third.Id, 2)], links.Select(l => (l.Id, l.Number)));
    }

    [Theory]
    [InlineData("", "https://boegeby.example", "Title", "Validation.Required")]
    [InlineData("Strategien", "", "Url", "Validation.Required")]
    [InlineData("Strategien", "javascript:alert(1)", "Url", "Validation.InvalidLink")]
    [InlineData("Strategien", "boegeby.example/strategi", "Url", "Validation.InvalidLink")]
    public async Task Link_without_title_or_with_a_bad_address_is_refused_next_to_the_field(string title, string url, string field, string key)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await SecretaryAsync();

        // Act
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            Attachments.AddLinkAsync(secretary, ids.OpenItem, new LinkInput { Title = title, Url = url }, Ct));

        // Assert
        Assert.Contains(new FieldError(field, key), error.Errors);
        await using var db = await _factory.CreateDbContextAsync();
        Assert.False(await db.ItemLinks.AnyAsync(l => l.AgendaItemId == ids.OpenItem, Ct));
    }

    [Fact]
    public async Task Material_of_a_cancelled_meeting_can_no_longer_be_changed()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await SecretaryAsync();
        await _factory.Service<MeetingService>().CancelAsync(secretary, ids.NextMeeting, "Formanden er syg.", Ct);
        var pdf = SampleFiles.Pdf();

        // Act
        var upload = await Assert.ThrowsAsync<InputValidationException>(() =>
            Attachments.UploadAsync(secretary, ids.OpenItem, "sent.pdf", pdf.Length, new MemoryStream(pdf), Ct));
        var link = await Assert.ThrowsAsync<InputValidationException>(() =>
            Attachments.AddLinkAsync(secretary, ids.OpenItem, new LinkInput { Title = "Sent", Url = "https://boegeby.example" }, Ct));

        // Assert
        Assert.Equal("Validation.MaterialLocked", Assert.Single(upload.Errors).MessageKey);
        Assert.Equal("Validation.MaterialLocked", Assert.Single(link.Errors).MessageKey);
        Assert.Equal(0, _factory.StoredFileCount);
    }

    [Fact]
    public async Task Substitute_stepping_in_may_download_the_closed_items_attachment_at_that_meeting()
    {
        // Arrange: Poul Skovbo sends apologies, and the secretary confirms Carsten Lykke as his substitute.
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await SecretaryAsync();
        var pdf = SampleFiles.Pdf();
        var closed = await Attachments.UploadAsync(secretary, ids.ClosedItem, "borgerens henvendelse.pdf", pdf.Length, new MemoryStream(pdf), Ct);
        using var substitute = await _factory.SignedInClientAsync(DevSignIn.Substitute);
        using var before = await substitute.GetAsync($"/attachments/{closed.Id}", Ct);
        var attendance = _factory.Service<AttendanceService>();
        await attendance.RespondAsync(await _factory.UserAsync("Poul Skovbo"), ids.NextMeeting, InvitationResponse.Apologies, null, Ct);
        var call = (await attendance.GetOverviewAsync(secretary, ids.NextMeeting, Ct)).Calls.Single();

        // Act
        await attendance.ConfirmCallAsync(secretary, call.Id, Ct);
        using var after = await substitute.GetAsync($"/attachments/{closed.Id}", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(pdf, await after.Content.ReadAsByteArrayAsync(Ct));
    }

    private Task<WorkspaceUser> SecretaryAsync() => _factory.UserAsync(DevSignIn.Administration);

    private async Task<int> AttachmentCountAsync(Guid itemId)
    {
        await using var db = await _factory.CreateDbContextAsync();
        return await db.Attachments.CountAsync(a => a.AgendaItemId == itemId, Ct);
    }

    private async Task<DateTimeOffset?> ItemUpdatedAtAsync(Guid itemId)
    {
        await using var db = await _factory.CreateDbContextAsync();
        return await db.AgendaItems.Where(i => i.Id == itemId).Select(i => i.UpdatedAt).SingleAsync(Ct);
    }

    private async Task<Guid> ItemStampAsync(Guid itemId)
    {
        await using var db = await _factory.CreateDbContextAsync();
        return await db.AgendaItems.Where(i => i.Id == itemId).Select(i => i.ConcurrencyStamp).SingleAsync(Ct);
    }
}
