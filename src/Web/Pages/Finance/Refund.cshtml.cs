using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Pages.Staff;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Finance;

/// <summary>
/// One refund: who asked, for how much and why, and its approval by a second finance officer. The page says who may
/// approve; the engine enforces it (the requester's own approval is refused as maker_checker).
/// </summary>
[Authorize(Policy = PortalAuth.Finance)]
public sealed class RefundModel(PortalApi portal) : PageModel
{
    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public RefundDetails? Refund { get; private set; }

    public ApiRefusal? Refusal { get; private set; }

    public bool AskedByMe => Refund?.RequestedBy?.Subject == StaffUser.Of(User).Subject;

    public Task<IActionResult> OnGetAsync(Guid id) => PageAsync(id);

    public async Task<IActionResult> OnPostApproveAsync(Guid id)
    {
        var (_, refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Refunds[id].Approve.PostAsync());
        if (refusal is null)
        {
            return RedirectToPage(new { id, done = "approved" });
        }
        Refusal = refusal;
        Done = null;
        return await PageAsync(id);
    }

    private async Task<IActionResult> PageAsync(Guid id)
    {
        var (refund, refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Refunds[id].GetAsync());
        if (refund is null && refusal?.Status is 404 or 403)
        {
            return NotFound();
        }
        Refund = refund;
        Refusal ??= refusal;
        return Page();
    }
}
