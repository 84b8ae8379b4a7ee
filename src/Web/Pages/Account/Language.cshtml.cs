using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Web.Shared;

namespace MyGovernment.Web.Pages.Account;

/// <summary>The language switch: a plain link (works without script), remembered for a year in a cookie.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet(string? to, string? back)
    {
        Response.Cookies.Append(Language.CookieName, to == "en" ? "en" : "ar", new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = Request.IsHttps,
        });
        // Only back to a page of ours: the switch must not become an open redirect.
        return LocalRedirect(Url.IsLocalUrl(back) ? back : "/");
    }
}
