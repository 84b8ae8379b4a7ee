using JasperFx.Events;
using Marten.Events.Projections;
using MyGovernment.Domain.AccessLog;

namespace MyGovernment.Projections.AccessLog;

/// <summary>One read of a citizen's data by someone else: for the citizen's own access log and for auditors.</summary>
public sealed class AccessLogEntry
{
    public Guid Id { get; set; }
    public string CitizenId { get; set; } = "";
    public Guid RequestId { get; set; }
    public string What { get; set; } = "";
    public string ViewerId { get; set; } = "";
    public string ViewerRole { get; set; } = "";
    public string? ViewerDepartment { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Global event sequence: the evidence an auditor can replay.</summary>
    public long Sequence { get; set; }
}

/// <summary>One row per view event. It reads every citizen's stream, so it runs in the async daemon.</summary>
public sealed partial class AccessLogProjection : EventProjection
{
    public AccessLogProjection()
    {
        // A short, stable name for the command line (projections rebuild -p AccessLog) and the daemon's progress row.
        Name = "AccessLog";
    }

    public static AccessLogEntry Create(IEvent<CitizenDataViewed> e) => new()
    {
        Id = e.Id,
        CitizenId = e.Data.CitizenId,
        RequestId = e.Data.RequestId,
        What = e.Data.What,
        ViewerId = e.Data.Viewer.Subject,
        ViewerRole = e.Data.Viewer.Role,
        ViewerDepartment = e.Data.Viewer.Department,
        At = e.Data.At,
        Sequence = e.Sequence,
    };
}
