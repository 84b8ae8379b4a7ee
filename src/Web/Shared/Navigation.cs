using System.Security.Claims;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Shared;

/// <summary>A link in the header's navigation, shown to one role (null: to everyone).</summary>
public sealed record NavLink(string Path, string English, string Arabic, string? Role = null);

/// <summary>
/// Each area lists its own links in a class of its own (e.g. CitizenNav, StaffNav); the layout finds every
/// implementation in this assembly, so adding an area's links touches no shared file.
/// </summary>
public interface IPortalNavLinks
{
    IEnumerable<NavLink> Links { get; }
}

public static class Navigation
{
    private static readonly NavLink[] All = typeof(Navigation).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPortalNavLinks).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .SelectMany(t => ((IPortalNavLinks)Activator.CreateInstance(t)!).Links)
        .ToArray();

    public static IEnumerable<NavLink> For(ClaimsPrincipal user)
    {
        var role = user.FindFirst(PortalAuth.RoleClaim)?.Value;
        return All.Where(l => l.Role is null || l.Role == role);
    }
}
