using System.Security.Claims;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.AccessLog;
using MyGovernment.Application.Metadata;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

/// <summary>One step in a request's or a payment's history: what happened, who did it in which role and department, when and why, on which stream.</summary>
public sealed record TimelineEntry(
    long Version, long Sequence, string Event, DateTimeOffset At, string? ActorId, string? ActorRole, string? ActorDepartment, string? Reason,
    Guid StreamId)
{
    /// <summary>An entry whose actor, when the event's data does not name one, is the actor stamped on the event's metadata.</summary>
    public static TimelineEntry From(IEvent e, Actor? by, DateTimeOffset? at, string? reason)
    {
        by ??= EventHeaders.Actor(e);
        return new TimelineEntry(e.Version, e.Sequence, e.EventTypeName, at ?? EventHeaders.BusinessTime(e), by?.Subject, by?.Role, by?.Department, reason, e.StreamId);
    }
}

public static class TimelineEndpoint
{
    [Authorize]
    [WolverineGet("/api/service-requests/{id}/timeline", OperationId = "GetServiceRequestTimeline")]
    [Tags("Service requests")]
    [EndpointSummary("Read a request's timeline")]
    [EndpointDescription("Every event of the request, read from the event stream itself (the source of truth, never stale). For the applicant, staff who may read the request, and auditors; reads by others than the applicant are logged.")]
    public static async Task<Results<Ok<List<TimelineEntry>>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var details = await session.LoadAsync<ServiceRequestDetails>(id, ct);
        if (details is null || !RequestVisibility.MayRead(user, details))
        {
            return RequestVisibility.NotFound();
        }
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        await AccessRecorder.RecordAsync(session, user.ToActor(), details, "request-timeline", clock, ct);
        return TypedResults.Ok(events.Select(ToEntry).ToList());
    }

    public static TimelineEntry ToEntry(IEvent e)
    {
        var (by, at, reason) = Describe(e.Data);
        return TimelineEntry.From(e, by, at, reason);
    }

    private static (Actor? By, DateTimeOffset? At, string? Reason) Describe(object data) => data switch
    {
        ServiceRequestSubmitted x => (x.SubmittedBy, x.SubmittedAt, x.Channel == SubmissionChannel.Assisted ? "assisted channel" : null),
        PotentialDuplicateFlagged x => (Actor.System, x.At, $"open request {x.OtherRequestId}"),
        FeeAssessed x => (Actor.System, x.AssessedAt, $"{x.Total} (fee schedule v{x.FeeScheduleVersion})"),
        PaymentConfirmed x => (x.By, x.At, $"{x.Amount} ({x.PaymentReference})"),
        StepEntered x => (Actor.System, x.EligibleAt, $"step {x.StepIndex + 1}: {x.DepartmentCode}"),
        SlaClockStarted x => (Actor.System, x.EligibleAt, $"due {x.DueDate:yyyy-MM-dd}"),
        RequestAssigned x => (x.By, x.At, $"{x.Mode} to {x.OfficerId}"),
        InformationRequested x => (x.By, x.At, x.Message),
        ApplicantResponded x => (x.By, x.At, $"{x.Documents.Count} document(s); due date now {x.NewDueDate:yyyy-MM-dd}"),
        RequestReferred x => (x.By, x.At, $"to {x.ToDepartment}: {x.Reason}"),
        ReferralReturned x => (x.By, x.At, x.Opinion),
        StepCompleted x => (x.By, x.At, x.Note),
        DecisionProposed x => (x.By, x.At, $"{x.Outcome}{(x.ReasonCode is null ? "" : " " + x.ReasonCode)}: {x.Note}"),
        DecisionReturned x => (x.By, x.At, x.Reason),
        RequestApproved x => (x.By, x.At, x.Note),
        RequestRejected x => (x.By, x.At, $"{x.ReasonCode}: {x.Note}"),
        DocumentIssued x => (x.By, x.At, null),
        RequestWithdrawn x => (x.By, x.At, x.Reason),
        RequestAbandoned x => (Actor.System, x.At, x.Reason.ToString()),
        RequestClosed x => (Actor.System, x.At, x.Outcome.ToString()),
        RequestReopened x => (x.By, x.At, x.Grounds),
        RequestMarkedOverdue x => (Actor.System, x.At, $"due {x.DueDate:yyyy-MM-dd}"),
        RequestEscalated x => (x.By, x.At, $"{x.DepartmentCode}: {x.Reason}"),
        DocumentRevoked x => (x.By, x.At, x.Reason),
        _ => (null, null, null),
    };
}
