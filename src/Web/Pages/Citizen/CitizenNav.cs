using MyGovernment.Web.Shared;

namespace MyGovernment.Web.Pages.Citizen;

/// <summary>The citizen's links in the header (the catalog is for everyone).</summary>
public sealed class CitizenNav : IPortalNavLinks
{
    public IEnumerable<NavLink> Links =>
    [
        new("/services", "Services", "الخدمات"),
        new("/me/requests", "My requests", "طلباتي", "citizen"),
        new("/me/documents", "My documents", "وثائقي", "citizen"),
        new("/me/access-log", "Who viewed my data", "من اطّلع على بياناتي", "citizen"),
    ];
}
