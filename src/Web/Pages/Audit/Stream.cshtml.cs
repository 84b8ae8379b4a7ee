using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Pages.Staff;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Audit;

/// <summary>
/// The stored events of one stream, as evidence: what a finding or a timeline row cites (by sequence number) can be
/// read here as stored, whatever kind of stream it is.
/// </summary>
[Authorize(Policy = PortalAuth.Auditor)]
public sealed class StreamModel(PortalApi portal) : PageModel
{
    public Guid Id { get; private set; }

    public IReadOnlyList<StoredEvent> Events { get; private set; } = [];

    public ApiRefusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Id = id;
        var (events, refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Audit.Streams[id].Events.GetAsync());
        if (events is null && refusal?.Status is 404)
        {
            return NotFound();
        }
        Events = events ?? [];
        Refusal = refusal;
        return Page();
    }
}
