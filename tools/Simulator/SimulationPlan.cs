using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Oversight;

namespace MyGovernment.Simulator;

/// <summary>One thing that happens at a simulated instant.</summary>
public abstract record SimStep(DateTimeOffset At);

/// <summary>An Application command, sent through Wolverine like the API sends it.</summary>
public sealed record InvokeStep(DateTimeOffset At, object Command) : SimStep(At);

/// <summary>
/// Events appended directly, bypassing the domain's rules — what an older version, a migration or a direct database
/// edit could have written. Only planted violations the domain would refuse use it.
/// </summary>
public sealed record AppendStep(DateTimeOffset At, Guid StreamId, Actor Actor, IReadOnlyList<object> Events) : SimStep(At);

/// <summary>Staff read a request: recorded by the API's own access recorder, as an HTTP read would be.</summary>
public sealed record ViewStep(DateTimeOffset At, Guid RequestId, Actor Viewer) : SimStep(At);

/// <summary>The simulated payment provider stops answering about one payment (its status becomes unknown when asked).</summary>
public sealed record ProviderOutageStep(DateTimeOffset At, Guid PaymentId) : SimStep(At);

/// <summary>After everything is sealed, an SQL edit of the data of this request's last decision event.</summary>
public sealed record TamperStep(DateTimeOffset At, Guid RequestId) : SimStep(At);

/// <summary>What was planted, so a test (or a demo) can check the report that must find it.</summary>
public sealed record PlantedViolation(string Report, string Rule, Guid? RequestId, string? Officer, string Description);

public sealed record SimulationPlan(
    SimulationOptions Options, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Departments, IReadOnlyList<string> Services,
    IReadOnlyList<SimStep> Steps, IReadOnlyList<PlantedViolation> Planted, int RequestCount);

/// <summary>Working-time arithmetic on the calendar and hours the reports use, so clean activity is clean by their definition.</summary>
public sealed class WorkTime(OversightSettings settings, WorkingCalendar calendar)
{
    private readonly IReadOnlySet<DayOfWeek> _days = settings.WorkingDays;

    public bool IsWorkingDay(DateOnly date) => _days.Contains(date.DayOfWeek) && !calendar.Holidays.Contains(date);

    public static DateTimeOffset At(DateOnly date, TimeOnly time) => PalestineTime.FromLocal(date.ToDateTime(time));

    /// <summary>The instant itself inside working hours, else the next start of a working day.</summary>
    public DateTimeOffset Next(DateTimeOffset instant)
    {
        var local = PalestineTime.ToLocal(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(date) && time < settings.WorkdayStart)
        {
            return At(date, settings.WorkdayStart);
        }
        if (IsWorkingDay(date) && time < settings.WorkdayEnd.AddMinutes(-1))
        {
            return instant;
        }
        do
        {
            date = date.AddDays(1);
        }
        while (!IsWorkingDay(date));
        return At(date, settings.WorkdayStart);
    }

    /// <summary>So many minutes of working time later; work never ends in the last minute of the day or after it.</summary>
    public DateTimeOffset Add(DateTimeOffset instant, double minutes)
    {
        var t = Next(instant);
        while (true)
        {
            var end = At(DateOnly.FromDateTime(PalestineTime.ToLocal(t).DateTime), settings.WorkdayEnd).AddMinutes(-1);
            var available = (end - t).TotalMinutes;
            if (minutes < available)
            {
                return t.AddMinutes(minutes);
            }
            minutes -= Math.Max(available, 0);
            t = Next(end.AddMinutes(2));
        }
    }

    public DateTimeOffset AddWorkingDays(DateTimeOffset instant, int days)
    {
        var local = PalestineTime.ToLocal(Next(instant));
        var date = calendar.AddWorkingDays(DateOnly.FromDateTime(local.DateTime), days);
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }
        return At(date, TimeOnly.FromDateTime(local.DateTime));
    }
}
