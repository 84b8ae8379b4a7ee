using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Catalog;
using MyGovernment.Domain.Catalog;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Catalog;

public sealed record AdoptFeeScheduleBody(DateOnly? EffectiveFrom, List<FeeLine>? Lines);

public static class AdoptFeeScheduleEndpoint
{
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/admin/services/{code}/fee-schedules", OperationId = "AdoptFeeSchedule")]
    [Tags("Catalog administration")]
    [EndpointSummary("Adopt a new fee schedule")]
    [EndpointDescription("Adopts the next fee schedule version (201); the version number is assigned by the catalog.")]
    public static Task<Created<FeeScheduleAdoptedResponse>> Post(string code, AdoptFeeScheduleBody body, HttpContext http, IMessageBus bus, CancellationToken ct)
    {
        var command = new AdoptFeeSchedule(code, body.EffectiveFrom ?? default, body.Lines ?? [], http.User.ToActor());
        return IdempotentCommand.InvokeAsync<FeeScheduleAdoptedResponse, Created<FeeScheduleAdoptedResponse>>(
            http, bus, command, adopted => TypedResults.Created($"/api/admin/services/{adopted.ServiceCode}", adopted), ct);
    }
}
