using Marten;
using MyGovernment.Application.Metadata;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Catalog;

/// <summary>
/// Seeds the demo catalog as ordinary catalog events. Idempotent: streams are addressed by code, and a stream
/// that exists already is left as it is (so later admin changes to a seeded service or to the calendar are never
/// overwritten).
/// </summary>
public static class SeedCatalog
{
    public static async Task<int> SeedAsync(IDocumentStore store, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        EventMetadata.Apply(session, Actor.System, "seed-catalog", "seed-catalog", TimeProvider.System.GetUtcNow());
        var started = 0;
        foreach (var department in DemoCatalog.Departments)
        {
            var id = CatalogIds.Department(department.Code);
            if (await session.Events.FetchStreamStateAsync(id, ct) is null)
            {
                session.Events.StartStream(id, department);
                started++;
            }
        }
        foreach (var (definition, fees) in DemoCatalog.Services)
        {
            var id = CatalogIds.Service(definition.Code);
            if (await session.Events.FetchStreamStateAsync(id, ct) is not null)
            {
                continue;
            }
            var events = new List<object> { definition };
            if (fees is not null)
            {
                events.Add(new FeeScheduleAdopted(definition.Code, fees));
            }
            events.AddRange(DemoCatalogDocumentSources.For(definition.Code));
            events.Add(new ServicePublished(definition.Code));
            session.Events.StartStream<Service>(id, events);
            started++;
        }
        if (await session.Events.FetchStreamStateAsync(CatalogIds.Calendar, ct) is null)
        {
            session.Events.StartStream<HolidayCalendar>(CatalogIds.Calendar, DemoCatalog.Holidays.OrderBy(h => h.Date).ToArray<object>());
            started++;
        }
        await session.SaveChangesAsync(ct);
        return started;
    }
}
