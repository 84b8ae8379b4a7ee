using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Identity;
using MyGovernment.Integrity;
using Wolverine.Http;

namespace MyGovernment.Api.Integrity;

public static class ReadModelCheckEndpoint
{
    /// <summary>
    /// Recomputes read-model rows from the events with the registered projections and compares them with the stored
    /// rows (<see cref="ReadModelChecker"/>). Every read model by default; <c>readModel</c> (or, as before,
    /// <c>projection</c>) names one, e.g. <c>ServiceRequestDetails</c>, <c>LedgerEntry</c>. <c>limit</c> caps the
    /// differences listed per read model (default 200, at most 1000); the counts are exact.
    /// </summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/read-model-check", OperationId = "CheckReadModel")]
    [ProducesResponseType<ReadModelCheckReport>(StatusCodes.Status200OK)]
    [EndpointSummary("Check the read models against the events")]
    [EndpointDescription("Recomputes every row of each read model (or of the one named by readModel) from the events with the registered projection, and reports each row missing, extra, or differing (with the differing fields). Async projections are compared up to their daemon's progress.")]
    [Tags("Audit")]
    public static async Task<IResult> Check(string? readModel, string? projection, int? limit, ReadModelChecker checker, CancellationToken ct)
    {
        var name = readModel ?? projection;
        if (name is not null && !checker.ReadModels.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return Results.Problem(detail: $"No read model '{name}'. Known: {string.Join(", ", checker.ReadModels)}.", statusCode: 400,
                extensions: new Dictionary<string, object?> { ["code"] = "unknown_projection" });
        }
        return Results.Ok(await checker.CheckAsync(name is null ? null : [name], Math.Clamp(limit ?? 200, 1, 1000), ct));
    }
}
