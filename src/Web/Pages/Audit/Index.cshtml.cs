using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Audit;

/// <summary>The auditor's starting point: verification, reports, and opening a request or payment by id.</summary>
[Authorize(Policy = PortalAuth.Auditor)]
public sealed class IndexModel : PageModel
{
}
