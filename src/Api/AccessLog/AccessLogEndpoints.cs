using System.Security.Claims;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Projections.AccessLog;
using Wolverine.Http;

namespace MyGovernment.Api.AccessLog;

public static class AccessLogEndpoints
{
    /// <summary>Newest first (default) or oldest first; ties by the view event's id.</summary>
    public static readonly IReadOnlyList<KeysetOrder<AccessLogEntry>> Orders =
    [
        new("-at", a => a.At, a => a.Id,
            q => q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id),
            (q, k, id) => q.Where(a => a.At < k || (a.At == k && a.MatchesSql("d.id < ?", id)))),
        new("at", a => a.At, a => a.Id,
            q => q.OrderBy(a => a.At).ThenBy(a => a.Id),
            (q, k, id) => q.Where(a => a.At > k || (a.At == k && a.MatchesSql("d.id > ?", id)))),
    ];

    /// <summary>Who viewed my data: when, in which role and department, for which request.</summary>
    [Authorize(Roles = Roles.Citizen)]
    [WolverineGet("/api/me/access-log", OperationId = "GetMyAccessLog")]
    [Tags("Citizen")]
    [EndpointSummary("Read who viewed my data")]
    [EndpointDescription(
        "Who other than me read my data: when, in which role and department, for which request. Keyset paged (limit 1-100, after). " +
        "Filters: request, from, to. sort: -at (newest first, default), at (oldest first).")]
    public static Task<Page<AccessLogEntry>> Mine(
        ClaimsPrincipal user, IQuerySession session, Guid? request, DateTimeOffset? from, DateTimeOffset? to, string? sort, string? after, int? limit,
        CancellationToken ct) =>
        QueryAsync(session, new AccessLogFilter(user.ApplicantId(), null, request, from, to), sort, after, limit, ct);

    /// <summary>The access log across citizens, for auditors: filter by citizen, viewer, request or time.</summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/access-log", OperationId = "SearchAccessLog")]
    [Tags("Audit")]
    [EndpointSummary("Search the access log")]
    [EndpointDescription(
        "The access log across citizens, for auditors. Keyset paged (limit 1-100, after). Filters: citizen, viewer, request, from, to. " +
        "sort: -at (newest first, default), at (oldest first).")]
    public static Task<Page<AccessLogEntry>> Search(
        IQuerySession session, string? citizen, string? viewer, Guid? request, DateTimeOffset? from, DateTimeOffset? to, string? sort, string? after,
        int? limit, CancellationToken ct) =>
        QueryAsync(session, new AccessLogFilter(citizen, viewer, request, from, to), sort, after, limit, ct);

    private sealed record AccessLogFilter(string? Citizen, string? Viewer, Guid? Request, DateTimeOffset? From, DateTimeOffset? To);

    private static Task<Page<AccessLogEntry>> QueryAsync(
        IQuerySession session, AccessLogFilter filter, string? sort, string? after, int? limit, CancellationToken ct)
    {
        var order = KeysetPaging.Choose(Orders, sort);
        var query = session.Query<AccessLogEntry>().AsQueryable();
        query = filter.Citizen is { } citizen ? query.Where(a => a.CitizenId == citizen) : query;
        query = filter.Viewer is { } viewer ? query.Where(a => a.ViewerId == viewer) : query;
        query = filter.Request is { } request ? query.Where(a => a.RequestId == request) : query;
        query = filter.From is { } from ? query.Where(a => a.At >= from) : query;
        query = filter.To is { } to ? query.Where(a => a.At < to) : query;
        return KeysetPaging.PageAsync(query, order, after, limit, a => a, ct);
    }
}
