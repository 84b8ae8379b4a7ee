using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Projections.Catalog;
using Wolverine.Http;

namespace MyGovernment.Api.Catalog;

/// <summary>The working calendar's public holidays: anyone may read them (the admin endpoints are DeclarePublicHolidayEndpoint and RemovePublicHolidayEndpoint).</summary>
public static class ListPublicHolidaysEndpoint
{
    [AllowAnonymous]
    [WolverineGet("/api/calendar/holidays", OperationId = "ListPublicHolidays")]
    [Tags("Catalog")]
    [EndpointSummary("List public holidays")]
    [EndpointDescription("The public holidays of a year (this Palestinian year when none is given), in date order.")]
    public static async Task<IReadOnlyList<PublicHoliday>> List(int? year, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var wanted = year ?? PalestineTime.LocalDate(clock.GetUtcNow()).Year;
        if (wanted is < 2000 or > 2100)
        {
            throw new FieldValidationException(new Dictionary<string, string[]> { ["year"] = ["Year must be between 2000 and 2100."] });
        }
        var calendar = await session.LoadAsync<PublicHolidayCalendar>(CatalogIds.Calendar, ct);
        return calendar is null ? [] : [.. calendar.Holidays.Where(h => h.Date.Year == wanted)];
    }
}
