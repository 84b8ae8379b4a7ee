using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;

namespace MyGovernment.Web.Pages.Citizen;

/// <summary>One service: what it is, its fees (the schedule in force), the documents to bring, the expected working days.</summary>
public sealed class ServiceModel(PortalApi api) : PageModel
{
    public ServiceCatalogEntry Service { get; private set; } = null!;

    /// <summary>The newest fee schedule: the one a request submitted today is assessed on.</summary>
    public FeeSchedule? Fees => Service.FeeSchedules?.OrderByDescending(s => s.Version).FirstOrDefault();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var service = await PortalApi.FindAsync(() => api.Client.Api.Services[code].GetAsync(cancellationToken: cancellationToken));
        if (service is null)
        {
            return NotFound();
        }
        Service = service;
        return Page();
    }
}
