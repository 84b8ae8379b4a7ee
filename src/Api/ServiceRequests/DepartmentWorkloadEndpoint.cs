using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record OfficerLoad(string OfficerId, int Open, int Overdue);

/// <summary>
/// A department's figures: what waits at its step, who holds how much, and how many decisions met their SLA.
/// SLA met = decided on or before the due date (local calendar), over requests decided at this department.
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
    [EndpointDescription("Open, unassigned and overdue requests at the department's step, the load per officer, and how many decisions met their SLA (decided on or before the due date on the local calendar).")]
    public static async Task<Results<Ok<DepartmentWorkload>, ProblemHttpResult>> Get(string code, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Auditor) && !user.IsStaffOf(code))
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No such department.");
        }
        var department = code.ToUpperInvariant();
        var rows = await session.Query<ServiceRequestDetails>().Where(r => r.CurrentDepartment == department).ToListAsync(ct);
        var open = rows.Where(r => r.Decision is null && r.Status is not (ServiceRequestStatus.Withdrawn or ServiceRequestStatus.Abandoned)).ToList();
        var decided = rows.Where(r => r.Decision is not null && r.SlaDueDate is not null).ToList();
        return TypedResults.Ok(new DepartmentWorkload(
            department,
            open.Count,
            open.Count(r => r.AssignedTo is null),
            open.Count(r => r.Flags.HasFlag(RequestFlags.Overdue)),
            open.Where(r => r.AssignedTo is null).Min(r => r.QueuedAt),
            [.. open.Where(r => r.AssignedTo is not null).GroupBy(r => r.AssignedTo!)
                .Select(g => new OfficerLoad(g.Key, g.Count(), g.Count(r => r.Flags.HasFlag(RequestFlags.Overdue))))
                .OrderByDescending(o => o.Open).ThenBy(o => o.OfficerId, StringComparer.Ordinal)],
            decided.Count,
            decided.Count(r => PalestineTime.LocalDate(r.Decision!.At) <= r.SlaDueDate!.Value)));
    }
}
