using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Catalog;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Catalog;

public sealed record RetireServiceBody(string? Reason);

public static class RetireServiceEndpoint
{
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/admin/services/{code}/retire", OperationId = "RetireService")]
    [Tags("Catalog administration")]
    [EndpointSummary("Retire a service")]
    [EndpointDescription("Takes a service out of the public catalog, with a reason; open requests for it carry on.")]
    public static Task<Ok<ServiceChangedResponse>> Post(string code, RetireServiceBody body, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        IdempotentCommand.InvokeAsync<ServiceChangedResponse, Ok<ServiceChangedResponse>>(http, bus, new RetireService(code, body.Reason ?? "", http.User.ToActor()), TypedResults.Ok, ct);
}
