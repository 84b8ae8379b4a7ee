using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
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
    [EndpointSummary("Publish a service")]
    [EndpointDescription("Puts a draft service in the public catalog. A paid service needs a fee schedule in force; a retired service cannot come back.")]
    public static Task<Ok<ServiceChangedResponse>> Post(string code, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        IdempotentCommand.InvokeAsync<ServiceChangedResponse, Ok<ServiceChangedResponse>>(http, bus, new PublishService(code, http.User.ToActor()), TypedResults.Ok, ct);
}
