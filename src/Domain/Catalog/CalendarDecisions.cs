using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Catalog;

/// <summary>
/// Pure decisions on the working calendar. Only today or later can change: a past day's working status decided
/// SLA clocks that auditors re-check, so it is never rewritten after the fact.
/// </summary>
public static class CalendarDecisions
{
    public static IReadOnlyList<object> DeclareHoliday(HolidayCalendar? calendar, DateOnly date, LocalizedText name, DateTimeOffset now)
    {
        NotInThePast(date, now);
        var trimmed = new LocalizedText(name.Ar.Trim(), name.En.Trim());
        var existing = calendar?.On(date);
        if (existing is not null)
        {
            return existing.Name == trimmed
                ? []
                : throw new DomainException("holiday_already_declared",
                    $"{date:yyyy-MM-dd} is already declared as '{existing.Name.En}'. Remove it first to rename it.");
        }
        return [new PublicHolidayDeclared(date, trimmed)];
    }

    public static IReadOnlyList<object> RemoveHoliday(HolidayCalendar? calendar, DateOnly date, DateTimeOffset now)
    {
        if (calendar?.On(date) is null)
        {
            throw new NotFoundException("holiday_not_found", $"{date:yyyy-MM-dd} is not a declared public holiday.");
        }
        NotInThePast(date, now);
        return [new PublicHolidayRemoved(date)];
    }

    private static void NotInThePast(DateOnly date, DateTimeOffset now)
    {
        var today = PalestineTime.LocalDate(now);
        if (date < today)
        {
            throw new DomainException("date_in_past", $"The calendar cannot be changed for days before today ({today:yyyy-MM-dd}).");
        }
    }
}
