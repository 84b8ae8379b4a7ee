using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Account;

/// <summary>POST only (a link could sign people out from another site); the server-side session goes with the cookie.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(PortalAuth.Scheme);
        return LocalRedirect("/");
    }
}
