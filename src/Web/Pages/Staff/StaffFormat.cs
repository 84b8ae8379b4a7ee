using System.Globalization;
using MyGovernment.Web.Shared;

namespace MyGovernment.Web.Pages.Staff;

/// <summary>What the staff pages need beyond the shared display tag helpers: ids as text, typed local times read back.</summary>
public static class StaffFormat
{
    public static string? Text(Guid? id) => id?.ToString();

    /// <summary>A time typed in a form (datetime-local, read as Palestinian local time), or null when it is not one.</summary>
    public static DateTimeOffset? FromPalestine(string? local)
    {
        if (!DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var typed))
        {
            return null;
        }
        var unspecified = DateTime.SpecifyKind(typed, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, PalestineTime.Zone.GetUtcOffset(unspecified));
    }
}
