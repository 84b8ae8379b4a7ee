using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Catalog;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Catalog;

public static class PublishServiceEndpoint
{
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/admin/services/{code}/publish", OperationId = "PublishService")]
    [Tags("Catalog administration")]
    [ProducesResponseType<ServiceChangedResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string code, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        IdempotentCommand.InvokeAsync<ServiceChangedResponse>(http, bus, new PublishService(code, http.User.ToActor()), Results.Ok, ct);
}
