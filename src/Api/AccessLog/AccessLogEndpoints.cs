using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Projections.AccessLog;
using Wolverine.Http;

namespace MyGovernment.Api.AccessLog;

public static class AccessLogEndpoints
{
    /// <summary>Who viewed my data: when, in which role and department, for which request.</summary>
    [Authorize(Roles = Roles.Citizen)]
    [WolverineGet("/api/me/access-log", OperationId = "GetMyAccessLog")]
    [Tags("Citizen")]
    [EndpointSummary("Read who viewed my data")]
    [EndpointDescription("Who other than me read my data: when, in which role and department, for which request. Newest first, keyset paging.")]
    public static Task<Page<AccessLogEntry>> Mine(ClaimsPrincipal user, IQuerySession session, string? after, int? limit, CancellationToken ct) =>
        QueryAsync(session, user.ApplicantId(), null, null, after, limit, ct);

    /// <summary>The access log across citizens, for auditors: filter by citizen, viewer or request.</summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/access-log", OperationId = "SearchAccessLog")]
    [Tags("Audit")]
    [EndpointSummary("Search the access log")]
    [EndpointDescription("The access log across citizens, for auditors: filter by citizen, viewer or request. Newest first, keyset paging.")]
    public static Task<Page<AccessLogEntry>> Search(
        IQuerySession session, string? citizen, string? viewer, Guid? request, string? after, int? limit, CancellationToken ct) =>
        QueryAsync(session, citizen, viewer, request, after, limit, ct);

    private static async Task<Page<AccessLogEntry>> QueryAsync(
        IQuerySession session, string? citizen, string? viewer, Guid? request, string? after, int? limit, CancellationToken ct)
    {
        var size = Keyset.Limit(limit);
        var cursor = Keyset.Decode(after);
        var query = session.Query<AccessLogEntry>().AsQueryable();
        query = citizen is null ? query : query.Where(a => a.CitizenId == citizen);
        query = viewer is null ? query : query.Where(a => a.ViewerId == viewer);
        query = request is null ? query : query.Where(a => a.RequestId == request);
        if (cursor is { } c)
        {
            query = query.Where(a => a.At <= c.Key);
        }
        var rows = await query.OrderByDescending(a => a.At).Take(size + 50).ToListAsync(ct);
        return Keyset.Cut(rows, cursor, size, a => a.At, a => a.Id, a => a, descending: true);
    }
}
