using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Pages.Staff;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Audit;

/// <summary>
/// A request for the auditor: its history as stored, and its state replayed as of a version or a time ("what the
/// officer saw when they decided"). Replay is a GET form: a link to a replayed state can be kept and shared.
/// </summary>
[Authorize(Policy = PortalAuth.Auditor)]
public sealed class RequestModel(PortalApi portal) : PageModel
{
    [FromQuery(Name = "version")]
    public long? Version { get; set; }

    [FromQuery(Name = "at")]
    public string? At { get; set; }

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public ServiceRequestStateView? Replayed { get; private set; }

    public ApiRefusal? Refusal { get; private set; }

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Id = id;
        var item = portal.Client.Api.ServiceRequests[id];
        var (timeline, refusal) = await ApiRefusal.TryAsync(() => item.Timeline.GetAsync());
        if (timeline is null && refusal?.Status is 404)
        {
            return NotFound();
        }
        Timeline = timeline ?? [];
        Refusal = refusal;
        if (Version is not null || !string.IsNullOrWhiteSpace(At))
        {
            (Replayed, Refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Audit.ServiceRequests[id].State.GetAsync(q =>
            {
                q.QueryParameters.Version = Version;
                q.QueryParameters.At = StaffFormat.FromPalestine(At);
            }));
        }
        return Page();
    }
}
