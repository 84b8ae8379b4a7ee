using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Pages.Staff;

namespace MyGovernment.Web.Pages.Audit;

/// <summary>
/// What the auditor's request and payment pages share: a stream's history as stored, and its state replayed as of a
/// version or a time. Replay is a GET form, so a link to a replayed state can be kept and shared. Each page names
/// only its two engine routes (their query types differ in the generated client).
/// </summary>
public abstract class AuditReplayModel<TState> : PageModel where TState : class
{
    [FromQuery(Name = "version")]
    public long? Version { get; set; }

    [FromQuery(Name = "at")]
    public string? At { get; set; }

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public TState? Replayed { get; private set; }

    public ApiRefusal? Refusal { get; private set; }

    public Guid Id { get; private set; }

    protected abstract Task<List<TimelineEntry>?> TimelineAsync(Guid id);

    protected abstract Task<TState?> ReplayAsync(Guid id, long? version, DateTimeOffset? at);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Id = id;
        var (timeline, refusal) = await ApiRefusal.TryAsync(() => TimelineAsync(id));
        if (timeline is null && refusal?.Status is 404)
        {
            return NotFound();
        }
        Timeline = timeline ?? [];
        Refusal = refusal;
        if (Version is not null || !string.IsNullOrWhiteSpace(At))
        {
            (Replayed, Refusal) = await ApiRefusal.TryAsync(() => ReplayAsync(id, Version, StaffFormat.FromPalestine(At)));
        }
        return Page();
    }
}
