using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
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
    public static Task<IResult> Post(RegisterDepartmentBody body, HttpContext http, IMessageBus bus, CancellationToken ct)
    {
        var command = new RegisterDepartment(body.Code ?? "", new(body.NameAr ?? "", body.NameEn ?? ""), http.User.ToActor());
        return IdempotentCommand.InvokeAsync<DepartmentRegisteredResponse>(
            http, bus, command, registered => Results.Created($"/api/departments/{registered.Code}", registered), ct);
    }
}
