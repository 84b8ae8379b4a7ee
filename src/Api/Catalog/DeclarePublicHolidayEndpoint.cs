using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
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
    [EndpointSummary("Declare a public holiday")]
    [EndpointDescription("Adds a day to the working calendar used for SLA deadlines (201). Only today or later days can be declared.")]
    public static Task<Created<PublicHolidayResponse>> Post(DeclarePublicHolidayBody body, HttpContext http, IMessageBus bus, CancellationToken ct)
    {
        var command = new DeclarePublicHoliday(body.Date ?? default, new(body.NameAr ?? "", body.NameEn ?? ""), http.User.ToActor());
        return IdempotentCommand.InvokeAsync<PublicHolidayResponse, Created<PublicHolidayResponse>>(
            http, bus, command, declared => TypedResults.Created($"/api/calendar/holidays?year={declared.Date.Year}", declared), ct);
    }
}
