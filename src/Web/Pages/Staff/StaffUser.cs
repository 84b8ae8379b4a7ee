using System.Security.Claims;

namespace MyGovernment.Web.Pages.Staff;

/// <summary>Who is signed in, as the staff pages need it: their id, role and department (from the session's claims).</summary>
public sealed record StaffUser(string Subject, string Role, string? Department)
{
    public bool IsSupervisor => Role == "supervisor";

    public static StaffUser Of(ClaimsPrincipal user) => new(
        user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.FindFirstValue("role") ?? user.FindFirstValue(ClaimTypes.Role) ?? "",
        user.FindFirstValue("department"));
}
