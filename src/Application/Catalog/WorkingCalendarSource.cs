using Marten;
using MyGovernment.Domain.Catalog;

namespace MyGovernment.Application.Catalog;

/// <summary>
/// The working calendar from the declared public holidays: one primary-key load of the inline calendar document
/// (no fold, no cache to invalidate across nodes). No calendar stream yet means the standard week.
/// </summary>
public sealed class WorkingCalendarSource(IDocumentStore store) : IWorkingCalendarSource
{
    public async Task<WorkingCalendar> GetAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var calendar = await session.LoadAsync<HolidayCalendar>(CatalogIds.Calendar, ct);
        return calendar?.ToWorkingCalendar() ?? WorkingCalendar.Standard;
    }
}
