using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Citizen;

/// <summary>Who in government opened the citizen's data, when and why: the access log kept by the engine.</summary>
[Authorize(Policy = PortalAuth.Citizen)]
public sealed class AccessLogModel(PortalApi api) : PageModel
{
    public IReadOnlyList<AccessLogEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = (await api.Client.Api.Me.AccessLog.GetAsync(c => c.QueryParameters.Limit = 100, cancellationToken))?.Items ?? [];
}
