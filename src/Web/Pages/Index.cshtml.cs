using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyGovernment.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
