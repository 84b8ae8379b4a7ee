using System.Security.Claims;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record MyDocument(Guid RequestId, string ServiceCode, LocalizedText ServiceName, string VerificationCode, DateTimeOffset IssuedAt, bool Revoked);

public static class MyDocumentsEndpoint
{
    /// <summary>Newest first (default) or oldest first; ties by id.</summary>
    public static readonly IReadOnlyList<KeysetOrder<ServiceRequestDetails>> Orders =
    [
        new("-issued", r => r.IssuedAt!.Value, r => r.Id,
            q => q.OrderByDescending(r => r.IssuedAt).ThenByDescending(r => r.Id),
            (q, k, id) => q.Where(r => r.IssuedAt < k || (r.IssuedAt == k && r.MatchesSql("d.id < ?", id)))),
        new("issued", r => r.IssuedAt!.Value, r => r.Id,
            q => q.OrderBy(r => r.IssuedAt).ThenBy(r => r.Id),
            (q, k, id) => q.Where(r => r.IssuedAt > k || (r.IssuedAt == k && r.MatchesSql("d.id > ?", id)))),
    ];

    /// <summary>The documents issued to me, with the codes anyone can verify.</summary>
    [Authorize(Roles = Roles.Citizen)]
    [WolverineGet("/api/me/documents", OperationId = "ListMyDocuments")]
    [Tags("Citizen")]
    [EndpointSummary("List my issued documents")]
    [EndpointDescription(
        "The documents issued to me with their verification codes, keyset paged (limit 1-100, after). Filter: service. " +
        "sort: -issued (newest first, default), issued (oldest first).")]
    public static Task<Page<MyDocument>> Get(
        ClaimsPrincipal user, IQuerySession session, string? service, string? sort, string? after, int? limit, CancellationToken ct)
    {
        var order = KeysetPaging.Choose(Orders, sort);
        var applicant = user.ApplicantId();
        var query = session.Query<ServiceRequestDetails>().Where(r => r.ApplicantId == applicant && r.VerificationCode != null);
        if (!string.IsNullOrEmpty(service))
        {
            var code = service.ToUpperInvariant();
            query = query.Where(r => r.ServiceCode == code);
        }
        return KeysetPaging.PageAsync(query, order, after, limit, r => new MyDocument(
            r.Id, r.ServiceCode, r.ServiceName, r.VerificationCode!, r.IssuedAt!.Value, r.Flags.HasFlag(RequestFlags.Revoked)), ct);
    }
}
