using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Catalog;
using MyGovernment.Domain.Common;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Catalog;

public static class RemovePublicHolidayEndpoint
{
    [Authorize(Roles = Roles.Admin)]
    [WolverineDelete("/api/admin/calendar/holidays/{date}", OperationId = "RemovePublicHoliday")]
    [Tags("Catalog administration")]
    [EndpointSummary("Remove a public holiday")]
    [EndpointDescription("Removes a declared holiday (204); days before today cannot be changed.")]
    public static async Task<NoContent> Delete(string date, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new FieldValidationException(new Dictionary<string, string[]> { ["date"] = ["Use a date as yyyy-MM-dd."] });
        }
        await bus.InvokeAsync(new RemovePublicHoliday(day, user.ToActor()), ct);
        return TypedResults.NoContent();
    }
}
