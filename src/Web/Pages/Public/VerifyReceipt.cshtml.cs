using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;

namespace MyGovernment.Web.Pages.Public;

/// <summary>The receipt's QR code leads here: genuine or not, the amount, when, and what was refunded.</summary>
public sealed class VerifyReceiptModel(PortalApi api) : PageModel
{
    public ReceiptVerification? Verification { get; private set; }
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        Verification = await PortalApi.FindAsync(() => api.Client.Api.Receipts[id].Verify.GetAsync(cancellationToken: cancellationToken));
        if (VerifyResponse.WantsJson(Request))
        {
            return await VerifyResponse.JsonAsync(Verification, Response);
        }
        Response.Headers.Vary = "Accept";
        if (Verification is null)
        {
            Response.StatusCode = 404;
        }
        return Page();
    }
}
