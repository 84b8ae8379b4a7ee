using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Citizen;

/// <summary>The documents issued to the citizen, each with the verification code a third party checks it by.</summary>
[Authorize(Policy = PortalAuth.Citizen)]
public sealed class MyDocumentsModel(PortalApi api) : PageModel
{
    public IReadOnlyList<MyDocument> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Documents = (await api.Client.Api.Me.Documents.GetAsync(c => c.QueryParameters.Limit = 50, cancellationToken))?.Items ?? [];
}
