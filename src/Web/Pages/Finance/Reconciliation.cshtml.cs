using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Pages.Staff;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Finance;

/// <summary>
/// One imported statement and its breaks, by category. The CSV download passes through the portal because the token
/// that may read it stays on the server.
/// </summary>
[Authorize(AuthenticationSchemes = PortalAuth.Scheme, Roles = "finance,auditor")]
public sealed class ReconciliationModel(PortalApi portal) : PageModel
{
    [FromQuery(Name = "category")]
    public ReconciliationCategory? Category { get; set; }

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public ReconciliationDetails? Reconciliation { get; private set; }

    public ApiRefusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        (Reconciliation, Refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Finance.Reconciliations[id].GetAsync(q =>
            q.QueryParameters.Category = Category?.ToString()));
        return Reconciliation is null && Refusal?.Status is 404 ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id)
    {
        var (csv, refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Finance.Reconciliations[id].ItemsCsv.GetAsync(q =>
            q.QueryParameters.Category = Category?.ToString()));
        if (csv is null)
        {
            return refusal?.Status is 404 ? NotFound() : StatusCode(502);
        }
        return File(csv, "text/csv", $"reconciliation-{id}.csv");
    }
}
