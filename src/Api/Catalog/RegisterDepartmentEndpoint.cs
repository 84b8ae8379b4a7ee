using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Catalog;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Catalog;

public sealed record RegisterDepartmentBody(string? Code, string? NameAr, string? NameEn);

public static class RegisterDepartmentEndpoint
{
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/admin/departments", OperationId = "RegisterDepartment")]
    [Tags("Catalog administration")]
    [EndpointSummary("Register a department")]
    [EndpointDescription("Adds a government department (201) so services and workflow steps can name it.")]
    public static async Task<Created<DepartmentRegisteredResponse>> Post(RegisterDepartmentBody body, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        var command = new RegisterDepartment(body.Code ?? "", new(body.NameAr ?? "", body.NameEn ?? ""), user.ToActor());
        var registered = await bus.InvokeAsync<DepartmentRegisteredResponse>(command, ct);
        return TypedResults.Created($"/api/departments/{registered.Code}", registered);
    }
}
