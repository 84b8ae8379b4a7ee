namespace MyGovernment.Domain.Catalog;

/// <summary>
/// The government's working days: Sunday to Thursday, minus public holidays. SLA clocks count these days only.
/// </summary>
public sealed record WorkingCalendar(IReadOnlySet<DateOnly> Holidays)
{
    public static readonly WorkingCalendar Standard = new(new HashSet<DateOnly>());

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday) && !Holidays.Contains(date);

    /// <summary>The date <paramref name="days"/> working days after <paramref name="start"/> (start itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                days--;
            }
        }
        return date;
    }

    /// <summary>Working days in (from, to]: how many working days passed between two dates.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }
        return count;
    }
}
