using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Shared;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Public;

/// <summary>
/// Where the payment provider sends the citizen back. The provider's own "status" in the URL is not trusted: the
/// outcome shown is the engine's, which changes only when the provider's signed callback has landed; until then the
/// page refreshes itself (meta refresh, no script).
/// </summary>
[Authorize(Policy = PortalAuth.Citizen)]
public sealed class PaymentReturnModel(PortalApi api) : PageModel
{
    /// <summary>Seconds between refreshes while the outcome is unknown.</summary>
    public const int RefreshSeconds = 2;

    public PaymentDetails Payment { get; private set; } = null!;

    public bool Final => StatusNames.IsFinal(Payment.Status);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var payment = await PortalApi.FindAsync(() => api.Client.Api.Payments[id].GetAsync(cancellationToken: cancellationToken));
        if (payment is null)
        {
            return NotFound();
        }
        Payment = payment;
        return Page();
    }
}
