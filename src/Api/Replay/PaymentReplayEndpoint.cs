using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.Payments;
using MyGovernment.Projections.Payments;
using Wolverine.Http;

namespace MyGovernment.Api.Replay;

/// <summary>What a payment looked like after a version, or at a moment: the write model commands were decided on, and the read model finance saw.</summary>
public sealed record PaymentStateView(Guid Id, long? Version, DateTimeOffset? At, Payment? WriteModel, PaymentDetails? ReadModel);

public static class PaymentReplayEndpoint
{
    /// <summary>Folds the payment's stream up to <paramref name="version"/> or <paramref name="at"/> with the live projections.</summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/payments/{id}/state", OperationId = "GetPaymentStateAsOf")]
    [ProducesResponseType<PaymentStateView>(StatusCodes.Status200OK)]
    [EndpointSummary("Replay a payment to a point")]
    [EndpointDescription("The payment's write model and read model as of a version or a moment (the events' recorded time).")]
    [Tags("Audit")]
    public static async Task<IResult> State(Guid id, long? version, DateTimeOffset? at, IQuerySession session, CancellationToken ct)
    {
        if (version is < 1)
        {
            return Results.Problem(detail: "'version' must be 1 or more.", statusCode: 400, extensions: new Dictionary<string, object?> { ["code"] = "bad_version" });
        }
        var write = await session.Events.AggregateStreamAsync<Payment>(id, version ?? 0, at, token: ct);
        var read = await session.Events.AggregateStreamAsync<PaymentDetails>(id, version ?? 0, at, token: ct);
        return write is null || read is null
            ? Results.Problem(detail: $"No payment events for stream {id} (at that point).", statusCode: 404,
                extensions: new Dictionary<string, object?> { ["code"] = "stream_not_found" })
            : Results.Ok(new PaymentStateView(id, version, at, write, read));
    }
}
