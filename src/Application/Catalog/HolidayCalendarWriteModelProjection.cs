using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Catalog;
using MyGovernment.Projections;

namespace MyGovernment.Application.Catalog;

/// <summary>
/// Folds the calendar stream with Domain's pure evolve (see ServiceWriteModelProjection for why it lives here).
/// Registered inline, so the write model is also a stored document that <see cref="WorkingCalendarSource"/> loads by id.
/// </summary>
public sealed partial class HolidayCalendarWriteModelProjection : SingleStreamProjection<HolidayCalendar, Guid>
{
    /// <summary>Run inline only for the transactions with an event of this projection's (see InlineScreen).</summary>
    protected override IInlineProjection<IDocumentOperations> buildForInline() => new InlineScreen(base.buildForInline(), () => AllEventTypes);

    public HolidayCalendarWriteModelProjection()
    {
        // An explicit Evolve tells Marten nothing about which events matter: without this every stream got a document.
        IncludeType<PublicHolidayDeclared>();
        IncludeType<PublicHolidayRemoved>();
    }

    public override HolidayCalendar? Evolve(HolidayCalendar? snapshot, Guid id, IEvent e) => HolidayCalendar.Evolve(snapshot, id, e.Data);
}
