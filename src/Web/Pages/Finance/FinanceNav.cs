using MyGovernment.Web.Shared;

namespace MyGovernment.Web.Pages.Finance;

/// <summary>Finance's links in the header.</summary>
public sealed class FinanceNav : IPortalNavLinks
{
    public IEnumerable<NavLink> Links =>
    [
        new("/finance/payments", "Payments", "المدفوعات", "finance"),
        new("/finance/reconciliations", "Settlements", "التسويات", "finance"),
    ];
}
