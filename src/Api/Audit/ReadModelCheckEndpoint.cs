using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.Audit;

public sealed record ReadModelDifference(Guid Id, string Problem, string? Stored, string? Folded);

public sealed record ReadModelCheckReport(string Projection, int Checked, IReadOnlyList<ReadModelDifference> Differences);

public static class ReadModelCheckEndpoint
{
    /// <summary>
    /// Folds each stream afresh and compares it, as JSON, with the stored read-model document (the most recent
    /// `limit` documents, at most 1000). Only ServiceRequestDetails is checkable this way: the other read models
    /// are keyed differently from their streams (the rebuild test covers them).
    /// </summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/read-model-check", OperationId = "CheckReadModel")]
    [EndpointSummary("Check a read model against its streams")]
    [EndpointDescription("Folds each stream afresh with the live projection and reports every stored read-model row that differs.")]
    [Tags("Audit")]
    public static async Task<IResult> Check(string? projection, int? limit, IQuerySession session, CancellationToken ct)
    {
        if ((projection ?? nameof(ServiceRequestDetails)) != nameof(ServiceRequestDetails))
        {
            return Results.Problem(detail: "Only 'ServiceRequestDetails' can be checked.", statusCode: 400,
                extensions: new Dictionary<string, object?> { ["code"] = "unknown-projection" });
        }
        return Results.Ok(await CheckServiceRequestDetailsAsync(session, Math.Clamp(limit ?? 200, 1, 1000), ct));
    }

    /// <summary>The check itself, also run by the log-integrity oversight report.</summary>
    public static async Task<ReadModelCheckReport> CheckServiceRequestDetailsAsync(IQuerySession session, int take, CancellationToken ct)
    {
        var stored = await session.Query<ServiceRequestDetails>().OrderByDescending(d => d.SubmittedAt).Take(take).ToListAsync(ct);
        var serializer = session.DocumentStore.Options.Serializer();
        var differences = new List<ReadModelDifference>();
        foreach (var doc in stored)
        {
            var folded = await session.Events.AggregateStreamAsync<ServiceRequestDetails>(doc.Id, token: ct);
            var storedJson = serializer.ToJson(doc);
            var foldedJson = folded is null ? null : serializer.ToJson(folded);
            if (foldedJson is null)
            {
                differences.Add(new ReadModelDifference(doc.Id, "no events for this document", storedJson, null));
            }
            else if (!JsonElement.DeepEquals(JsonDocument.Parse(storedJson).RootElement, JsonDocument.Parse(foldedJson).RootElement))
            {
                differences.Add(new ReadModelDifference(doc.Id, "stored document differs from a fresh fold", storedJson, foldedJson));
            }
        }
        return new ReadModelCheckReport(nameof(ServiceRequestDetails), stored.Count, differences);
    }
}
