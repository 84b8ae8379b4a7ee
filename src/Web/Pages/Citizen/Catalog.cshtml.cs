using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;

namespace MyGovernment.Web.Pages.Citizen;

/// <summary>The service catalog, open to everyone: what can be applied for, its fee and its expected working days.</summary>
public sealed class CatalogModel(PortalApi api) : PageModel
{
    public IReadOnlyList<ServiceSummary> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Services = await api.Client.Api.Services.GetAsync(cancellationToken: cancellationToken) ?? [];
}
