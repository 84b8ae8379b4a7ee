using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyGovernment.Web.Pages;

[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public void OnGet()
    {
    }
}
