using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Staff;
using MyGovernment.Domain.Staff;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Staff;

public sealed record EnrollOfficerBody(string OfficerId, string? NationalId, string Role);

public static class RosterEndpoints
{
    /// <summary>Puts an officer on a department's roster, so automatic assignment can give them requests.</summary>
    [Authorize(Roles = "admin,supervisor")]
    [WolverinePost("/api/departments/{code}/officers", OperationId = "EnrollOfficer")]
    [Tags("Staff")]
    public static Task<IResult> Enroll(string code, EnrollOfficerBody body, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        IdempotentCommand.InvokeAsync<RosterChanged>(
            http, bus, new EnrollOfficer(code, body.OfficerId ?? "", body.NationalId, body.Role ?? "", http.User.ToActor()), Results.Ok, ct);

    /// <summary>The department's roster, for its supervisors and administrators.</summary>
    [Authorize(Roles = "admin,supervisor,auditor")]
    [WolverineGet("/api/departments/{code}/officers", OperationId = "GetRoster")]
    [Tags("Staff")]
    public static async Task<IResult> Get(string code, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Supervisor) && !user.IsStaffOf(code))
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "No such department roster.");
        }
        var roster = code.Length <= 40 ? await session.Events.AggregateStreamAsync<DepartmentRoster>(DepartmentRoster.StreamId(code), token: ct) : null;
        return Results.Ok(roster?.Officers ?? []);
    }
}
