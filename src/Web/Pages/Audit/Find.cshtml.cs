using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Audit;

/// <summary>Turns a typed id into the request's or payment's audit page; a text that is no id comes back as not found.</summary>
[Authorize(Policy = PortalAuth.Auditor)]
public sealed class FindModel : PageModel
{
    public IActionResult OnGet(string? kind, string? id) => Guid.TryParse(id?.Trim(), out var found)
        ? Redirect(kind == "payment" ? $"/audit/payments/{found}" : $"/audit/requests/{found}")
        : NotFound();
}
