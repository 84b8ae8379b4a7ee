using System.Linq.Expressions;
using System.Security.Claims;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Application.ServiceRequests;
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
    /// <summary>
    /// A department's open requests, with the statuses written as SQL literals (<see cref="RequestStatusSql"/>) so that
    /// PostgreSQL can prove the query reads only what the partial index of open requests holds
    /// (<c>ServiceRequestIndexes</c>), and the queue's cost follows its open work rather than the department's history.
    /// </summary>
    public static Expression<Func<ServiceRequestDetails, bool>> IsOpenAt(string department) =>
        r => r.CurrentDepartment == department && r.MatchesSql(OpenStatus);

    /// <summary>
    /// An officer's open requests, from the same partial index: its assignee is not its first column, so this reads
    /// every open request's entry (the country's open work), not the request table with its history.
    /// </summary>
    public static Expression<Func<ServiceRequestDetails, bool>> IsOpenWith(string officer) =>
        r => r.AssignedTo == officer && r.MatchesSql(OpenStatus);

    private static readonly string OpenStatus = RequestStatusSql.ColumnIsOneOf(RequestStatusSql.Open, "d." + RequestColumns.Status);

    /// <summary>
    /// The one order of a queue: first come, first served by when the step received the request, ties by id. No other
    /// sort is offered on purpose: working a queue in another order is what the queue-jumping report looks for.
    /// </summary>
    public static readonly KeysetOrder<ServiceRequestDetails> FirstComeFirstServed = new(
        "queued", r => r.QueuedAt!.Value, r => r.Id,
        q => q.OrderBy(r => r.QueuedAt).ThenBy(r => r.Id),
        (q, k, id) => q.Where(r => r.QueuedAt > k || (r.QueuedAt == k && r.MatchesSql("d.id > ?", id))));

    [Authorize(Roles = "officer,supervisor,auditor")]
    [WolverineGet("/api/departments/{code}/queue", OperationId = "GetDepartmentQueue")]
    [Tags("Officers")]
    [EndpointSummary("Read a department's queue")]
    [EndpointDescription(
        "The requests at this department's current step, first come first served (ordered by when the step's queue received them; " +
        "this order is fixed), with SLA due dates and flags, keyset paged (limit 1-100, after). Filters: status, service, " +
        "assigned (any, unassigned, me), overdue.")]
    public static async Task<Results<Ok<Page<QueueItem>>, ProblemHttpResult>> Get(
        string code, ClaimsPrincipal user, IQuerySession session, ServiceRequestStatus? status, string? service, string? assigned, bool? overdue,
        string? after, int? limit, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Auditor) && !user.IsStaffOf(code))
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No such department queue.",
            extensions: new Dictionary<string, object?> { ["code"] = "department_not_found" });
        }
        var department = code.ToUpperInvariant();
        var query = session.Query<ServiceRequestDetails>().Where(IsOpenAt(department));
        query = Filter(query, status, service, overdue);
        query = assigned switch
        {
            null or "any" => query,
            "unassigned" => query.Where(r => r.AssignedTo == null),
            "me" => query.Where(r => r.AssignedTo == user.Subject()),
            _ => throw new FluentValidation.ValidationException([new("assigned", "'assigned' must be any, unassigned or me.")]),
        };
        return TypedResults.Ok(await KeysetPaging.PageAsync(query, FirstComeFirstServed, after, limit, ToItem, ct));
    }

    /// <summary>The filters the queue and "my assignments" share.</summary>
    public static IQueryable<ServiceRequestDetails> Filter(
        IQueryable<ServiceRequestDetails> query, ServiceRequestStatus? status, string? service, bool? overdue)
    {
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        if (!string.IsNullOrEmpty(service))
        {
            var serviceCode = service.ToUpperInvariant();
            query = query.Where(r => r.ServiceCode == serviceCode);
        }
        return overdue switch
        {
            true => query.Where(r => r.IsOverdue),
            false => query.Where(r => !r.IsOverdue),
            null => query,
        };
    }

    public static QueueItem ToItem(ServiceRequestDetails r) => new(
        r.Id, r.Version, r.ServiceCode, r.ServiceName, r.Status, r.Flags, r.CurrentStep, r.AssignedTo, r.QueuedAt!.Value, r.SlaDueDate, r.Channel);
}
