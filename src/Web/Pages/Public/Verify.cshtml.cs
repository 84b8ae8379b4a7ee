using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyGovernment.Web.Pages.Public;

/// <summary>Typing a code: a receipt number is a GUID, anything else is a document's verification code.</summary>
public sealed class VerifyModel : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public IActionResult OnGet()
    {
        var code = Code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            return Page();
        }
        return Guid.TryParse(code, out var receipt)
            ? Redirect($"/verify/receipts/{receipt}")
            : Redirect($"/verify/documents/{Uri.EscapeDataString(code)}");
    }
}
