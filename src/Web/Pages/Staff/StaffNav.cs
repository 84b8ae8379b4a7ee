using MyGovernment.Web.Shared;

namespace MyGovernment.Web.Pages.Staff;

/// <summary>The officers' and supervisors' links in the header.</summary>
public sealed class StaffNav : IPortalNavLinks
{
    public IEnumerable<NavLink> Links =>
    [
        new("/staff/queue", "Department queue", "طابور القسم", "officer"),
        new("/staff/queue", "Department queue", "طابور القسم", "supervisor"),
        new("/staff/workload", "Workload", "عبء العمل", "supervisor"),
    ];
}
