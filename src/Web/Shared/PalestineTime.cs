using System.Globalization;

namespace MyGovernment.Web.Shared;

/// <summary>Instants shown in Palestinian local time (Asia/Hebron), always with the zone named.</summary>
public static class PalestineTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Hebron");

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>"2026-12-04 10:15": digits and order that never change with the page's direction.</summary>
    public static string Format(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string ZoneName(Language language) => language.T("Palestine time", "توقيت فلسطين");
}
