using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Pages.Staff;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Audit;

/// <summary>The integrity reports oversight can run, each with its definition.</summary>
[Authorize(AuthenticationSchemes = PortalAuth.Scheme, Roles = "auditor,oversight")]
public sealed class ReportsModel(PortalApi portal) : PageModel
{
    public IReadOnlyList<ReportDescriptor> Reports { get; private set; } = [];

    public ApiRefusal? Refusal { get; private set; }

    public async Task OnGetAsync()
    {
        var (catalog, refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Oversight.Reports.GetAsync());
        Reports = catalog?.Reports ?? [];
        Refusal = refusal;
    }
}
