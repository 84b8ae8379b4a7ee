using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyGovernment.Web.Pages;

/// <summary>
/// Shown for every 404 of the portal (status code pages re-execute here) and for someone else's request or receipt,
/// which the engine refuses: the same words either way, so the page tells nothing about what exists.
/// </summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class NotFoundModel : PageModel
{
    public void OnGet()
    {
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = 404;
        }
    }
}
