using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workspace.IntegrationTests.Infrastructure;

namespace Workspace.IntegrationTests.Api;

public sealed class RemarkApiTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    [Fact]
    public async Task Empty_remark_is_rejected_with_a_danish_message_next_to_the_text_field()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var member = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        using var response = await member.PostAsJsonAsync($"/api/items/{ids.OpenItem}/remarks", new { text = "" }, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var messages = problem.GetProperty("errors").GetProperty("Text").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal(["Feltet skal udfyldes."], messages);
        Assert.Equal("Nogle felter er ikke udfyldt rigtigt.", problem.GetProperty("title").GetString());
    }

    /// <summary>
    /// ApiExceptionHandler runs in UseExceptionHandler, outside UseRequestLocalization, so the request's culture is
    /// already gone when it localizes: API messages come in the process culture (Danish via the neutral resources here).
    /// </summary>
    [Fact]
    public async Task Validation_message_follows_the_chosen_language()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var member = await factory.SignedInClientAsync(DevSignIn.Member);
        using var culture = await member.GetAsync("/culture/en?returnUrl=/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);

        // Act
        using var response = await member.PostAsJsonAsync($"/api/items/{ids.OpenItem}/remarks", new { text = "   " }, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("This field is required.", problem.GetProperty("errors").GetProperty("Text")[0].GetString());
    }

    [Fact]
    public async Task Too_long_remark_is_rejected()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var member = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        using var response = await member.PostAsJsonAsync($"/api/items/{ids.OpenItem}/remarks", new { text = new string('x', 4001) }, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Teksten er for lang.", problem.GetProperty("errors").GetProperty("Text")[0].GetString());
    }

    [Fact]
    public async Task Added_remark_is_returned_trimmed_and_shown_on_the_meeting()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var member = await factory.SignedInClientAsync(DevSignIn.Chair);

        // Act
        using var response = await member.PostAsJsonAsync($"/api/items/{ids.OpenItem}/remarks", new { text = "  Bostøtten skal også gælde om aftenen.  " }, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var remark = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var remarkId = remark.GetProperty("id").GetGuid();
        Assert.Equal($"/api/remarks/{remarkId}", response.Headers.Location?.OriginalString);
        Assert.Equal("Bostøtten skal også gælde om aftenen.", remark.GetProperty("text").GetString());
        Assert.Equal(DevSignIn.Chair, remark.GetProperty("authorName").GetString());
        var meeting = await member.GetFromJsonAsync<JsonElement>($"/api/meetings/{ids.NextMeeting}", Ct);
        var remarks = meeting.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetGuid() == ids.OpenItem)
            .GetProperty("remarks").EnumerateArray().ToList();
        Assert.Contains(remarks, r => r.GetProperty("id").GetGuid() == remarkId && r.GetProperty("isMine").GetBoolean());
    }

    [Fact]
    public async Task Adding_a_remark_writes_an_audit_entry_with_the_author()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var miaId = await DemoIds.PersonIdAsync(factory, DevSignIn.Member);
        using var member = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        using var response = await member.PostAsJsonAsync($"/api/items/{ids.OpenItem}/remarks", new { text = "Husk de unge hjemløse." }, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var remarkId = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await using var db = await factory.CreateDbContextAsync();
        var entries = await db.AuditEntries
            .Where(a => a.EntityType == "Remark" && a.Action == "Added" && a.EntityId == remarkId.ToString())
            .ToListAsync(Ct);
        var entry = Assert.Single(entries);
        Assert.Equal(miaId, entry.PersonId);
    }
}
