using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

/// <summary>A queue line: no form data, only what is needed to work the queue in order.</summary>
public sealed record QueueItem(
    Guid Id, long Version, string ServiceCode, LocalizedText ServiceName, ServiceRequestStatus Status, RequestFlags Flags,
    int? Step, string? AssignedTo, DateTimeOffset QueuedAt, DateOnly? SlaDueDate, SubmissionChannel Channel);

public static class DepartmentQueueEndpoint
{
    private static readonly ServiceRequestStatus[] Open =
    [
        ServiceRequestStatus.InReview, ServiceRequestStatus.AwaitingApplicant, ServiceRequestStatus.Referred,
        ServiceRequestStatus.AwaitingApproval, ServiceRequestStatus.Approved, ServiceRequestStatus.Reopened,
    ];

    [Authorize(Roles = "officer,supervisor,auditor")]
    [WolverineGet("/api/departments/{code}/queue", OperationId = "GetDepartmentQueue")]
    [Tags("Officers")]
    [EndpointSummary("Read a department's queue")]
    [EndpointDescription("The requests at this department's current step, first come first served (ordered by when the step's queue received them), with SLA due dates and flags. Filters: status, assigned (any, unassigned, me), overdue.")]
    public static async Task<Results<Ok<Page<QueueItem>>, ProblemHttpResult>> Get(
        string code, ClaimsPrincipal user, IQuerySession session, ServiceRequestStatus? status, string? assigned, bool? overdue,
        string? after, int? limit, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Auditor) && !user.IsStaffOf(code))
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No such department queue.");
        }
        var size = Keyset.Limit(limit);
        var cursor = Keyset.Decode(after);
        var department = code.ToUpperInvariant();
        var query = session.Query<ServiceRequestDetails>().Where(r => r.CurrentDepartment == department && r.Status.IsOneOf(Open));
        query = status is { } s ? query.Where(r => r.Status == s) : query;
        query = assigned switch
        {
            null or "any" => query,
            "unassigned" => query.Where(r => r.AssignedTo == null),
            "me" => query.Where(r => r.AssignedTo == user.Subject()),
            _ => throw new FluentValidation.ValidationException([new("assigned", "'assigned' must be any, unassigned or me.")]),
        };
        if (overdue == true)
        {
            query = query.Where(r => r.IsOverdue);
        }
        if (cursor is { } c)
        {
            query = query.Where(r => r.QueuedAt >= c.Key);
        }
        var rows = await query.OrderBy(r => r.QueuedAt).Take(size + 50).ToListAsync(ct);
        return TypedResults.Ok(Keyset.Cut(rows, cursor, size, r => r.QueuedAt!.Value, r => r.Id, ToItem, descending: false));
    }

    public static QueueItem ToItem(ServiceRequestDetails r) => new(
        r.Id, r.Version, r.ServiceCode, r.ServiceName, r.Status, r.Flags, r.CurrentStep, r.AssignedTo, r.QueuedAt!.Value, r.SlaDueDate, r.Channel);
}
