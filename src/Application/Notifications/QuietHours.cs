using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Notifications;

/// <summary>When SMS and email may go out: never inside the configured local-time window (Asia/Hebron).</summary>
public static class QuietHours
{
    /// <summary>The instant a message caused at <paramref name="at"/> may be sent: <paramref name="at"/> itself, or the window's end.</summary>
    public static DateTimeOffset Release(DateTimeOffset at, TimeOnly start, TimeOnly end)
    {
        if (start == end)
        {
            return at;
        }
        var local = PalestineTime.ToLocal(at);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var spansMidnight = start > end;
        var inside = spansMidnight ? time >= start || time < end : time >= start && time < end;
        if (!inside)
        {
            return at;
        }
        var day = DateOnly.FromDateTime(local.DateTime);
        var endDay = spansMidnight && time >= start ? day.AddDays(1) : day;
        return PalestineTime.FromLocal(endDay.ToDateTime(end));
    }
}
