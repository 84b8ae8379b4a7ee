using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Oversight;

/// <summary>Working hours in Palestine local time: a working day of the calendar, between start (inclusive) and end (exclusive).</summary>
public static class WorkingHours
{
    /// <summary>Null inside working hours; otherwise why not ("non-working-day" or "outside-working-hours").</summary>
    public static string? Outside(DateTimeOffset instant, OversightSettings settings, WorkingCalendar calendar)
    {
        var local = PalestineTime.ToLocal(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (!settings.WorkingDays.Contains(date.DayOfWeek) || calendar.Holidays.Contains(date))
        {
            return "non-working-day";
        }
        var time = TimeOnly.FromDateTime(local.DateTime);
        return time >= settings.WorkdayStart && time < settings.WorkdayEnd ? null : "outside-working-hours";
    }
}
