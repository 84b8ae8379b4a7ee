using MyGovernment.Client.Models;

namespace MyGovernment.Web.Pages.Audit;

/// <summary>A timeline and the stream it belongs to: only that stream's versions can be replayed from it.</summary>
public sealed record AuditTimelineView(IReadOnlyList<TimelineEntry> Entries, Guid Owner);
