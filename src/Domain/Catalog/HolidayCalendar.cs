namespace MyGovernment.Domain.Catalog;

/// <summary>
/// Write model of the working-calendar stream: the declared public holidays, in date order. Also stored as a
/// document (inline), so building the <see cref="WorkingCalendar"/> on every submission is one key lookup.
/// </summary>
public sealed record HolidayCalendar(Guid Id, IReadOnlyList<PublicHoliday> Holidays)
{
    public static HolidayCalendar Evolve(HolidayCalendar? state, Guid streamId, object @event)
    {
        var calendar = state ?? new HolidayCalendar(streamId, []);
        return @event switch
        {
            PublicHolidayDeclared e => calendar with
            {
                Holidays = [.. calendar.Holidays.Where(h => h.Date != e.Date).Append(new PublicHoliday(e.Date, e.Name)).OrderBy(h => h.Date)],
            },
            PublicHolidayRemoved e => calendar with { Holidays = [.. calendar.Holidays.Where(h => h.Date != e.Date)] },
            _ => calendar,
        };
    }

    public PublicHoliday? On(DateOnly date) => Holidays.FirstOrDefault(h => h.Date == date);

    public WorkingCalendar ToWorkingCalendar() => new(Holidays.Select(h => h.Date).ToHashSet());
}
