using JasperFx.Events;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Catalog;

namespace MyGovernment.Application.Catalog;

/// <summary>
/// Folds the calendar stream with Domain's pure evolve (see ServiceWriteModelProjection for why it lives here).
/// Registered inline, so the write model is also a stored document that <see cref="WorkingCalendarSource"/> loads by id.
/// </summary>
public sealed partial class HolidayCalendarWriteModelProjection : SingleStreamProjection<HolidayCalendar, Guid>
{
    public HolidayCalendarWriteModelProjection()
    {
        // An explicit Evolve tells Marten nothing about which events matter: without this every stream got a document.
        IncludeType<PublicHolidayDeclared>();
        IncludeType<PublicHolidayRemoved>();
    }

    public override HolidayCalendar? Evolve(HolidayCalendar? snapshot, Guid id, IEvent e) => HolidayCalendar.Evolve(snapshot, id, e.Data);
}
