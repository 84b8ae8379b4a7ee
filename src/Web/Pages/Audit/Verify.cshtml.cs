using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Pages.Staff;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Audit;

/// <summary>The log verification, recomputed by the engine from the event table on each visit, and the signed checkpoints.</summary>
[Authorize(Policy = PortalAuth.Auditor)]
public sealed class VerifyModel(PortalApi portal) : PageModel
{
    public VerifyReport? Report { get; private set; }

    public IReadOnlyList<CheckpointView> Checkpoints { get; private set; } = [];

    public ApiRefusal? Refusal { get; private set; }

    public async Task OnGetAsync()
    {
        (Report, Refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Audit.Verify.GetAsync());
        var (checkpoints, refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Audit.Checkpoints.GetAsync());
        Checkpoints = checkpoints ?? [];
        Refusal ??= refusal;
    }
}
