using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Citizen;

/// <summary>The citizen's requests, newest first: status, who holds it, when it is expected, what is awaited from them.</summary>
[Authorize(Policy = PortalAuth.Citizen)]
public sealed class MyRequestsModel(PortalApi api) : PageModel
{
    public IReadOnlyList<MyRequestSummary> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await api.Client.Api.Me.Requests.GetAsync(c => c.QueryParameters.Limit = 50, cancellationToken);
        Requests = page?.Items ?? [];
    }
}
