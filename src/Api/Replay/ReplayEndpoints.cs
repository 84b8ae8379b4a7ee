using System.Security.Claims;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Identity;
using MyGovernment.Application.AccessLog;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.Payments;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.Replay;

/// <summary>An event exactly as stored, with its metadata.</summary>
public sealed record StoredEvent(
    long Seq, Guid Id, Guid StreamId, long Version, string Type, DateTimeOffset Timestamp, string? CorrelationId, string? CausationId,
    IReadOnlyDictionary<string, object>? Headers, object Data)
{
    public static StoredEvent From(IEvent e) => new(
        e.Sequence, e.Id, e.StreamId, e.Version, e.EventTypeName, e.Timestamp, e.CorrelationId, e.CausationId, e.Headers, e.Data);
}

/// <summary>What the request looked like after a version, or at a moment: the write model the officer's command was decided on, and the read model they saw.</summary>
public sealed record ServiceRequestStateView(Guid Id, long? Version, DateTimeOffset? At, ServiceRequest? WriteModel, ServiceRequestDetails? ReadModel);

public static class ReplayEndpoints
{
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/streams/{id}/events", OperationId = "GetStreamEvents")]
    [ProducesResponseType<List<StoredEvent>>(StatusCodes.Status200OK)]
    [EndpointSummary("Replay a stream")]
    [EndpointDescription("Every event of one stream with its metadata (actor, correlation, causation, business time). Reading a request's or a payment's stream is logged in that citizen's access log.")]
    [Tags("Audit")]
    public static async Task<IResult> StreamEvents(Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0)
        {
            return NotFound(id);
        }
        // A request's or a payment's raw events are that citizen's data: reading them shows in their access log.
        if (await session.LoadAsync<ServiceRequestDetails>(id, ct) is { } request)
        {
            await AccessRecorder.RecordAsync(session, user.ToActor(), request, "audit-stream", clock, ct);
        }
        else if (await session.LoadAsync<PaymentDetails>(id, ct) is { } payment)
        {
            await AccessRecorder.RecordAsync(session, user.ToActor(), payment, "audit-stream", clock, ct);
        }
        return Results.Ok(events.Select(StoredEvent.From).ToList());
    }

    /// <summary>
    /// Folds the request's stream up to <paramref name="version"/> or up to <paramref name="at"/> (one of them) with
    /// the same projections the live system uses. Reading a citizen's request this way is itself logged.
    /// </summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/service-requests/{id}/state", OperationId = "GetServiceRequestStateAsOf")]
    [ProducesResponseType<ServiceRequestStateView>(StatusCodes.Status200OK)]
    [EndpointSummary("Replay a request to a point")]
    [EndpointDescription("The request's write model and read model as of a version or a moment: what the officer saw when deciding. The read is logged.")]
    [Tags("Audit")]
    public static async Task<IResult> State(
        Guid id, long? version, DateTimeOffset? at, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (version is < 1)
        {
            return Results.Problem(detail: "'version' must be 1 or more.", statusCode: 400, extensions: new Dictionary<string, object?> { ["code"] = "bad_version" });
        }
        var write = await session.Events.AggregateStreamAsync<ServiceRequest>(id, version ?? 0, at, token: ct);
        var read = await session.Events.AggregateStreamAsync<ServiceRequestDetails>(id, version ?? 0, at, token: ct);
        if (write is null || read is null)
        {
            return NotFound(id);
        }
        await AccessRecorder.RecordAsync(session, user.ToActor(), read, "audit-replay", clock, ct);
        return Results.Ok(new ServiceRequestStateView(id, version, at, write, read));
    }

    private static IResult NotFound(Guid id) =>
        Results.Problem(detail: $"No events for stream {id} (at that point).", statusCode: 404, extensions: new Dictionary<string, object?> { ["code"] = "stream_not_found" });
}
