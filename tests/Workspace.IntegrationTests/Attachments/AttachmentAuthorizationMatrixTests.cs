using System.Net;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attachments;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Attachments;

public enum MaterialAction
{
    Upload,
    DownloadFromOpenItem,
    DownloadFromClosedItem,
    DeleteAttachment,
    AddLink,
}

public enum Outcome
{
    Allowed,
    Denied,
    NotFound,

    /// <summary>Not signed in: sent to the sign-in page.</summary>
    SignIn,
}

/// <summary>
/// Who may do what with the material of the next Udsatterådet meeting: the administration changes it, members and
/// the chair read it including the closed item 7, a substitute who is not stepping in reads only the open items,
/// and another council's chair does not see it at all. Downloads go through the HTTP endpoint, changes through the service.
/// </summary>
public sealed class AttachmentAuthorizationMatrixTests(AttachmentFactory factory) : IClassFixture<AttachmentFactory>
{
    public static IEnumerable<TheoryDataRow<string?, MaterialAction, Outcome>> Matrix()
    {
        var rows = new List<TheoryDataRow<string?, MaterialAction, Outcome>>();
        void Person(string? name, params Outcome[] expected)
        {
            foreach (var (action, outcome) in Enum.GetValues<MaterialAction>().Zip(expected))
            {
                rows.Add(new TheoryDataRow<string?, MaterialAction, Outcome>(name, action, outcome));
            }
        }

        // Upload, download open, download closed, delete, add link.
        Person(DevSignIn.Administration, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed);
        Person(DevSignIn.Member, Outcome.Denied, Outcome.Allowed, Outcome.Allowed, Outcome.Denied, Outcome.Denied);
        Person(DevSignIn.Chair, Outcome.Denied, Outcome.Allowed, Outcome.Allowed, Outcome.Denied, Outcome.Denied);
        Person(DevSignIn.Substitute, Outcome.Denied, Outcome.Allowed, Outcome.NotFound, Outcome.Denied, Outcome.Denied);
        Person(DevSignIn.OtherCouncilChair, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound);
        rows.Add(new(null, MaterialAction.DownloadFromOpenItem, Outcome.SignIn));
        rows.Add(new(null, MaterialAction.DownloadFromClosedItem, Outcome.SignIn));
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Material_is_changed_by_the_administration_and_read_like_its_item(string? person, MaterialAction action, Outcome expected)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var attachments = factory.Service<AttachmentService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);

        // Act
        var outcome = action switch
        {
            MaterialAction.Upload => await OutcomeOfAsync(async () =>
            {
                var pdf = SampleFiles.Pdf();
                await attachments.UploadAsync(await factory.UserAsync(person!), ids.OpenItem, "matrix.pdf", pdf.Length, new MemoryStream(pdf), Ct);
            }),
            MaterialAction.DownloadFromOpenItem => await DownloadAsync(person, await UploadAsync(secretary, ids.OpenItem)),
            MaterialAction.DownloadFromClosedItem => await DownloadAsync(person, await UploadAsync(secretary, ids.ClosedItem)),
            MaterialAction.DeleteAttachment => await OutcomeOfAsync(async () =>
            {
                var attachmentId = await UploadAsync(secretary, ids.OpenItem);
                await attachments.DeleteAttachmentAsync(await factory.UserAsync(person!), attachmentId, Ct);
            }),
            MaterialAction.AddLink => await OutcomeOfAsync(async () =>
                await attachments.AddLinkAsync(await factory.UserAsync(person!), ids.OpenItem,
                    new LinkInput { Title = "Kommunens hjemløsestrategi", Url = "https://boegeby.example/strategi" }, Ct)),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        // Assert
        Assert.Equal(expected, outcome);
    }

    private async Task<Guid> UploadAsync(WorkspaceUser secretary, Guid itemId)
    {
        var pdf = SampleFiles.Pdf();
        var view = await factory.Service<AttachmentService>().UploadAsync(secretary, itemId, "bilag.pdf", pdf.Length, new MemoryStream(pdf), Ct);
        return view.Id;
    }

    private async Task<Outcome> DownloadAsync(string? person, Guid attachmentId)
    {
        using var client = person is null ? factory.AnonymousClient() : await factory.SignedInClientAsync(person);
        using var response = await client.GetAsync($"/attachments/{attachmentId}", Ct);
        var location = response.Headers.Location;
        var redirectPath = location is null ? "" : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Allowed,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Forbidden => Outcome.Denied,
            HttpStatusCode.Redirect when redirectPath.StartsWith("/account/signin", StringComparison.Ordinal) => Outcome.SignIn,
            _ => throw new InvalidOperationException($"Unexpected answer {(int)response.StatusCode} {response.Headers.Location}."),
        };
    }

    private static async Task<Outcome> OutcomeOfAsync(Func<Task> act)
    {
        try
        {
            await act();
            return Outcome.Allowed;
        }
        catch (AccessDeniedException)
        {
            return Outcome.Denied;
        }
        catch (NotFoundException)
        {
            return Outcome.NotFound;
        }
    }
}
