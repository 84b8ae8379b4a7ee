using System.Collections.Concurrent;
using Marten;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Staff;

namespace MyGovernment.Application.Catalog;

/// <summary>
/// Catalog write models (a service, the holiday calendar, a department's roster) folded once per stream version and
/// kept in memory, so a submission does not re-read and re-fold a service's or a roster's whole history. The caller passes the stream version it has
/// just read (batched with its other reads, see <see cref="ServiceRequests.SubmitServiceRequestHandler"/>): an admin change on any
/// node appends to the stream, so the next read on every node sees a new version and folds again. Nothing is
/// invalidated by hand and no time-to-live can serve a stale fee; the cost is the version lookup, one row by
/// primary key, which rides in a round trip the caller makes anyway.
/// </summary>
public sealed class CatalogSnapshots
{
    private readonly ConcurrentDictionary<Guid, Snapshot> _entries = new();

    /// <param name="version">The stream's version as just read; null when the stream does not exist.</param>
    public Task<Service?> ServiceAsync(IQuerySession session, Guid serviceId, long? version, CancellationToken ct) =>
        GetAsync<Service>(session, serviceId, version, ct);

    /// <summary>The working calendar at a calendar stream version; no stream yet means the standard week.</summary>
    public async Task<WorkingCalendar> CalendarAsync(IQuerySession session, long? version, CancellationToken ct) =>
        (await GetAsync<WorkingCalendar>(session, CatalogIds.Calendar, version, ct, async (s, v, t) =>
            (await s.Events.AggregateStreamAsync<HolidayCalendar>(CatalogIds.Calendar, v, token: t))?.ToWorkingCalendar()))
        ?? WorkingCalendar.Standard;

    /// <summary>The officers a department assigns to (automatic assignment) at a roster stream version; no stream, no roster.</summary>
    public Task<DepartmentRoster?> RosterAsync(IQuerySession session, string departmentCode, long? version, CancellationToken ct) =>
        GetAsync<DepartmentRoster>(session, DepartmentRoster.StreamId(departmentCode), version, ct);

    /// <summary>
    /// The department a submission of the service enters at once (a free service's first step), going by the service
    /// as this node last folded it, whatever its version: only for reading ahead, never for deciding.
    /// </summary>
    public string? FirstQueueGuess(Guid serviceId) =>
        _entries.TryGetValue(serviceId, out var hit) && hit.Value is Service { IsPaid: false } service && service.Workflow.Count > 0
            ? service.Workflow[0].DepartmentCode
            : null;

    private async Task<T?> GetAsync<T>(
        IQuerySession session, Guid streamId, long? version, CancellationToken ct, Func<IQuerySession, long, CancellationToken, Task<T?>>? fold = null)
        where T : class
    {
        if (version is not { } v)
        {
            return null;
        }
        if (_entries.TryGetValue(streamId, out var hit) && hit.Version == v)
        {
            return (T?)hit.Value;
        }
        // Folded at exactly the version read, so the snapshot and its key always agree.
        var value = fold is null
            ? await session.Events.AggregateStreamAsync<T>(streamId, v, token: ct)
            : await fold(session, v, ct);
        // Keep the newest version when two readers race (versions only grow).
        _entries.AddOrUpdate(streamId, new Snapshot(v, value), (_, old) => old.Version > v ? old : new Snapshot(v, value));
        return value;
    }

    private sealed record Snapshot(long Version, object? Value);
}
