using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
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
    /// <summary>Adopts the next fee schedule version (201); the version number is assigned by the catalog.</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/admin/services/{code}/fee-schedules", OperationId = "AdoptFeeSchedule")]
    [Tags("Catalog administration")]
    public static Task<IResult> Post(string code, AdoptFeeScheduleBody body, HttpContext http, IMessageBus bus, CancellationToken ct)
    {
        var command = new AdoptFeeSchedule(code, body.EffectiveFrom ?? default, body.Lines ?? [], http.User.ToActor());
        return IdempotentCommand.InvokeAsync<FeeScheduleAdoptedResponse>(
            http, bus, command, adopted => Results.Created($"/api/admin/services/{adopted.ServiceCode}", adopted), ct);
    }
}
