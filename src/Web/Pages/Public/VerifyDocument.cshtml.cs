using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;

namespace MyGovernment.Web.Pages.Public;

/// <summary>Anyone holding an issued document checks it here, from its QR code or by typing its verification code.</summary>
public sealed class VerifyDocumentModel(PortalApi api) : PageModel
{
    public DocumentVerification? Verification { get; private set; }
    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Code = code.Trim();
        Verification = await PortalApi.FindAsync(() => api.Client.Api.Documents.Verify[Code].GetAsync(cancellationToken: cancellationToken));
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
