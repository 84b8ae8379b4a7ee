using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Catalog;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Catalog;

public sealed record DeclarePublicHolidayBody(DateOnly? Date, string? NameAr, string? NameEn);

public static class DeclarePublicHolidayEndpoint
{
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/admin/calendar/holidays", OperationId = "DeclarePublicHoliday")]
    [Tags("Catalog administration")]
    public static Task<IResult> Post(DeclarePublicHolidayBody body, HttpContext http, IMessageBus bus, CancellationToken ct)
    {
        var command = new DeclarePublicHoliday(body.Date ?? default, new(body.NameAr ?? "", body.NameEn ?? ""), http.User.ToActor());
        return IdempotentCommand.InvokeAsync<PublicHolidayResponse>(
            http, bus, command, declared => Results.Created($"/api/calendar/holidays?year={declared.Date.Year}", declared), ct);
    }
}
