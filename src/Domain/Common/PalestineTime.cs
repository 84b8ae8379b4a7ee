namespace MyGovernment.Domain.Common;

/// <summary>
/// Business dates (fee effective dates, working days) are Palestinian local dates, not UTC dates:
/// a request submitted at 01:00 local time on a Sunday belongs to Sunday.
/// </summary>
public static class PalestineTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant of a Palestinian wall-clock time.</summary>
    public static DateTimeOffset FromLocal(DateTime localTime)
    {
        var unspecified = DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Asia/Hebron", "Asia/Gaza", "West Bank Gaza Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }
        // Without tz data (a minimal container) fall back to Palestine standard time, UTC+2.
        return TimeZoneInfo.CreateCustomTimeZone("Palestine", TimeSpan.FromHours(2), "Palestine", "Palestine");
    }
}
