using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
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
    [Authorize(Roles = "admin,supervisor")]
    [WolverinePost("/api/departments/{code}/officers", OperationId = "EnrollOfficer")]
    [Tags("Staff")]
    [EndpointSummary("Put an officer on a department's roster")]
    [EndpointDescription("Puts an officer on a department's roster, so automatic assignment can give them requests.")]
    public static Task<Ok<RosterChanged>> Enroll(string code, EnrollOfficerBody body, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        IdempotentCommand.InvokeAsync<RosterChanged, Ok<RosterChanged>>(
            http, bus, new EnrollOfficer(code, body.OfficerId ?? "", body.NationalId, body.Role ?? "", http.User.ToActor()), TypedResults.Ok, ct);

    [Authorize(Roles = "admin,supervisor,auditor")]
    [WolverineGet("/api/departments/{code}/officers", OperationId = "GetRoster")]
    [Tags("Staff")]
    [EndpointSummary("Read a department's roster")]
    [EndpointDescription("The department's roster, for its supervisors and administrators.")]
    public static async Task<Results<Ok<IReadOnlyList<RosterEntry>>, ProblemHttpResult>> Get(string code, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Supervisor) && !user.IsStaffOf(code))
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No such department roster.",
            extensions: new Dictionary<string, object?> { ["code"] = "roster_not_found" });
        }
        var roster = code.Length <= 40 ? await session.Events.AggregateStreamAsync<DepartmentRoster>(DepartmentRoster.StreamId(code), token: ct) : null;
        return TypedResults.Ok(roster?.Officers ?? []);
    }
}
