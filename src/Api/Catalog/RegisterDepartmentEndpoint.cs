using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Idempotency;
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
    public static Task<Created<DepartmentRegisteredResponse>> Post(RegisterDepartmentBody body, HttpContext http, IMessageBus bus, CancellationToken ct)
    {
        var command = new RegisterDepartment(body.Code ?? "", new(body.NameAr ?? "", body.NameEn ?? ""), http.User.ToActor());
        return IdempotentCommand.InvokeAsync<DepartmentRegisteredResponse, Created<DepartmentRegisteredResponse>>(
            http, bus, command, registered => TypedResults.Created($"/api/departments/{registered.Code}", registered), ct);
    }
}
