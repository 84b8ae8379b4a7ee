using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record MyDocument(Guid RequestId, string ServiceCode, LocalizedText ServiceName, string VerificationCode, DateTimeOffset IssuedAt, bool Revoked);

public static class MyDocumentsEndpoint
{
    /// <summary>The documents issued to me, with the codes anyone can verify.</summary>
    [Authorize(Roles = Roles.Citizen)]
    [WolverineGet("/api/me/documents", OperationId = "ListMyDocuments")]
    [Tags("Citizen")]
    [EndpointSummary("List my issued documents")]
    [EndpointDescription("List my issued documents")]
    public static async Task<IReadOnlyList<MyDocument>> Get(ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var applicant = user.ApplicantId();
        var issued = await session.Query<ServiceRequestDetails>()
            .Where(r => r.ApplicantId == applicant && r.VerificationCode != null)
            .OrderByDescending(r => r.IssuedAt)
            .Take(500)
            .ToListAsync(ct);
        return [.. issued.Select(r => new MyDocument(
            r.Id, r.ServiceCode, r.ServiceName, r.VerificationCode!, r.IssuedAt!.Value, r.Flags.HasFlag(RequestFlags.Revoked)))];
    }
}
