using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Catalog;

namespace MyGovernment.Projections.Catalog;

/// <summary>The public holidays as the portal lists them (one document for the calendar stream, in date order).</summary>
public sealed class PublicHolidayCalendar
{
    public Guid Id { get; set; }
    public List<PublicHoliday> Holidays { get; set; } = [];
}

public sealed partial class PublicHolidayCalendarProjection : SingleStreamProjection<PublicHolidayCalendar, Guid>
{
    /// <summary>Run inline only for the transactions with an event of this projection's (see InlineScreen).</summary>
    protected override IInlineProjection<IDocumentOperations> buildForInline() => new InlineScreen(base.buildForInline(), () => AllEventTypes);

    public PublicHolidayCalendarProjection()
    {
        // An explicit Evolve tells Marten nothing about which events matter: name them, or every stream gets a row.
        IncludeType<PublicHolidayDeclared>();
        IncludeType<PublicHolidayRemoved>();
    }

    public override PublicHolidayCalendar? Evolve(PublicHolidayCalendar? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not (PublicHolidayDeclared or PublicHolidayRemoved))
        {
            return snapshot;
        }
        var view = snapshot ?? new PublicHolidayCalendar { Id = id };
        switch (e.Data)
        {
            case PublicHolidayDeclared declared:
                view.Holidays.RemoveAll(h => h.Date == declared.Date);
                view.Holidays.Add(new PublicHoliday(declared.Date, declared.Name));
                view.Holidays.Sort((a, b) => a.Date.CompareTo(b.Date));
                break;
            case PublicHolidayRemoved removed:
                view.Holidays.RemoveAll(h => h.Date == removed.Date);
                break;
        }
        return view;
    }
}
