using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record OfficerLoad(string OfficerId, int Open, int Overdue);

/// <summary>
/// A department's figures. Open: the requests in its queue (the queue's own definition: at its current step, not
/// decided-and-served nor ended). Decided: requests whose latest decision was taken at the department's step;
/// within SLA: decided on or before the SLA due date in force at the decision (Palestinian local dates).
/// </summary>
public sealed record DepartmentWorkload(
    string DepartmentCode, int Open, int Unassigned, int Overdue, DateTimeOffset? OldestWaitingSince,
    IReadOnlyList<OfficerLoad> Officers, int Decided, int DecidedWithinSla);

public static class DepartmentWorkloadEndpoint
{
    [Authorize(Roles = "supervisor,auditor")]
    [WolverineGet("/api/departments/{code}/workload", OperationId = "GetDepartmentWorkload")]
    [Tags("Officers")]
    [EndpointSummary("Read a department's workload and SLA figures")]
    [EndpointDescription(
        "Open (the queue's requests), unassigned and overdue requests, the oldest unassigned one, the load per officer, and how many " +
        "requests were decided at this department's step and how many of those on or before their SLA due date.")]
    public static async Task<Results<Ok<DepartmentWorkload>, ProblemHttpResult>> Get(string code, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Auditor) && !user.IsStaffOf(code))
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No such department.",
            extensions: new Dictionary<string, object?> { ["code"] = "department_not_found" });
        }
        var department = code.ToUpperInvariant();
        // One round trip: the open work (two narrow columns of the queue's rows, bounded by work in progress), the head
        // of the unassigned queue (the whole row: a selected timestamp would come back rounded to microseconds), and two
        // counts over the decided ones, which the database computes (indexed by department), never loading old rows.
        var batch = session.CreateBatchQuery();
        var openRows = batch.Query<ServiceRequestDetails>()
            .Where(DepartmentQueueEndpoint.IsOpenAt(department))
            .Select(r => new OpenWork { AssignedTo = r.AssignedTo, IsOverdue = r.IsOverdue })
            .ToList();
        var oldestUnassigned = batch.Query<ServiceRequestDetails>()
            .Where(DepartmentQueueEndpoint.IsOpenAt(department))
            .Where(r => r.AssignedTo == null)
            .OrderBy(r => r.QueuedAt)
            .FirstOrDefault();
        var decided = batch.Query<ServiceRequestDetails>().Count(r => r.Decision!.Department == department);
        var withinSla = batch.Query<ServiceRequestDetails>().Count(r => r.Decision!.Department == department && r.Decision.WithinSla == true);
        await batch.Execute(ct);

        var open = await openRows;
        return TypedResults.Ok(new DepartmentWorkload(
            department,
            open.Count,
            open.Count(r => r.AssignedTo is null),
            open.Count(r => r.IsOverdue),
            (await oldestUnassigned)?.QueuedAt,
            [.. open.Where(r => r.AssignedTo is not null).GroupBy(r => r.AssignedTo!)
                .Select(g => new OfficerLoad(g.Key, g.Count(), g.Count(r => r.IsOverdue)))
                .OrderByDescending(o => o.Open).ThenBy(o => o.OfficerId, StringComparer.Ordinal)],
            (int)await decided,
            (int)await withinSla));
    }

    /// <summary>What the workload needs of an open request, selected in SQL.</summary>
    public sealed class OpenWork
    {
        public string? AssignedTo { get; set; }
        public bool IsOverdue { get; set; }
    }
}
