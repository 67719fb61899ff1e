using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.TextHistory;

/// <summary>
/// The history of an item's co-edited texts for integrations: <c>GET /api/items/{id}/texts/{field}/history</c>,
/// <c>GET .../compare?from=&amp;to=</c>, <c>GET .../revisions/{revision}</c> and <c>POST .../restore</c> with
/// <c>{"revision": n}</c> (a JSON body, which a cross-site form cannot send). The same service as the pages, so the same rights.
/// </summary>
public static class TextHistoryEndpoints
{
    public static IEndpointRouteBuilder MapTextHistoryEndpoints(this IEndpointRouteBuilder app)
    {
        var texts = app.MapGroup("/api/items/{itemId:guid}/texts/{field}")
            .RequireAuthorization(new AuthorizeAttribute
            {
                Policy = WorkspacePolicies.WorkspaceUser,
                AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme,
            })
            .DisableAntiforgery();

        texts.MapGet("/history", async (Guid itemId, string field, ClaimsPrincipal principal, TextHistoryService history, CancellationToken ct) =>
        {
            var result = await history.HistoryAsync(WorkspaceUser.From(principal), itemId, Parse(field), ct);
            return new HistoryResponse(result.CurrentRevision, result.CanRestore, [.. result.Versions.Select(VersionResponse.From)]);
        });

        texts.MapGet("/compare", async (Guid itemId, string field, long from, long to, ClaimsPrincipal principal, TextHistoryService history,
            CancellationToken ct) =>
        {
            var comparison = await history.CompareAsync(WorkspaceUser.From(principal), itemId, Parse(field), from, to, ct);
            return new CompareResponse(comparison.FromRevision, comparison.ToRevision,
                [.. comparison.Segments.Select(s => new SegmentResponse(s.Kind.ToString().ToLowerInvariant(), s.Text, s.Skipped))]);
        });

        texts.MapGet("/revisions/{revision:long}", async (Guid itemId, string field, long revision, ClaimsPrincipal principal,
            TextHistoryService history, CancellationToken ct) =>
            new RevisionResponse(revision, await history.TextAtAsync(WorkspaceUser.From(principal), itemId, Parse(field), revision, ct)));

        texts.MapPost("/restore", async (Guid itemId, string field, RestoreRequest request, ClaimsPrincipal principal, TextHistoryService history,
            CancellationToken ct) =>
            new RestoreResponse(await history.RestoreAsync(WorkspaceUser.From(principal), itemId, Parse(field), request.Revision, ct)));

        return app;
    }

    /// <summary>The field names of the URL; any other is "not found", like an item that does not exist.</summary>
    public static ItemText Parse(string field) => field switch
    {
        "background" => ItemText.Background,
        "decision" => ItemText.Decision,
        "minutes" => ItemText.Minutes,
        _ => throw new NotFoundException(),
    };

    public sealed record RestoreRequest(long Revision);

    public sealed record RestoreResponse(long Revision);

    public sealed record RevisionResponse(long Revision, string Text);

    public sealed record HistoryResponse(long CurrentRevision, bool CanRestore, IReadOnlyList<VersionResponse> Versions);

    public sealed record VersionResponse(long Revision, long FirstRevision, string Kind, Guid? AuthorId, string? AuthorName,
        DateTimeOffset StartedAt, DateTimeOffset EndedAt, int Inserted, int Deleted, long? RestoredRevision)
    {
        public static VersionResponse From(TextVersion v) => new(v.Revision, v.FirstRevision, v.Kind.ToString().ToLowerInvariant(), v.AuthorId,
            v.AuthorName, v.StartedAt, v.EndedAt, v.InsertedLength, v.DeletedLength, v.RestoredRevision);
    }

    public sealed record CompareResponse(long From, long To, IReadOnlyList<SegmentResponse> Segments);

    public sealed record SegmentResponse(string Kind, string Text, int Skipped);
}
