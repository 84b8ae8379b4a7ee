using MyGovernment.Web.Shared;

namespace MyGovernment.Web.Pages.Audit;

/// <summary>The auditors' and oversight's links in the header.</summary>
public sealed class AuditNav : IPortalNavLinks
{
    public IEnumerable<NavLink> Links =>
    [
        new("/audit", "Audit", "التدقيق", "auditor"),
        new("/audit/verify", "Log verification", "التحقق من السجل", "auditor"),
        new("/audit/reports", "Integrity reports", "تقارير النزاهة", "auditor"),
        new("/audit/reports", "Integrity reports", "تقارير النزاهة", "oversight"),
    ];
}
