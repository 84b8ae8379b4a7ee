using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Integrity;
using Wolverine.Http;

namespace MyGovernment.Api.Integrity;

public static class VerifyEndpoint
{
    /// <summary>Recomputes the whole log from mt_events and reports every modified, deleted, inserted or reordered event and every checkpoint that no longer holds.</summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/verify", OperationId = "VerifyEventLog")]
    [EndpointSummary("Verify the event log")]
    [EndpointDescription("Recomputes every leaf and checkpoint from the event table and names each modified, deleted, inserted or reordered event and each checkpoint that no longer holds.")]
    [Tags("Audit")]
    public static Task<VerifyReport> Get(LogVerifier verifier, CancellationToken ct) => verifier.VerifyAsync(ct);
}
