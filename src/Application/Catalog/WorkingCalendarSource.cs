using Marten;
using MyGovernment.Domain.Catalog;

namespace MyGovernment.Application.Catalog;

/// <summary>
/// The working calendar from the declared public holidays: the calendar stream's version (one primary-key read),
/// then the calendar folded at that version from <see cref="CatalogSnapshots"/> (in memory unless it changed).
/// No calendar stream yet means the standard week.
/// </summary>
public sealed class WorkingCalendarSource(IDocumentStore store, CatalogSnapshots snapshots) : IWorkingCalendarSource
{
    public async Task<WorkingCalendar> GetAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var state = await session.Events.FetchStreamStateAsync(CatalogIds.Calendar, ct);
        return await snapshots.CalendarAsync(session, state?.Version, ct);
    }
}
