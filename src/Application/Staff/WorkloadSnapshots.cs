using System.Collections.Concurrent;

namespace MyGovernment.Application.Staff;

/// <summary>
/// This node's last count of each department's open assignments per officer, plus the assignments it has made
/// since. Counting reads every held request of the department, so a department with thousands open paid that on
/// every request entering its queue (and the node fell behind under a steady load); with this, a node counts a
/// department at most once per <c>refresh</c> and the automatic assignment decides from the count and its own
/// assignments since. What other nodes and officers changed in between is seen at the next count: the balance is
/// exact to within one refresh interval. A zero interval counts every time.
/// </summary>
public sealed class WorkloadSnapshots
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> lastAssigned = new(StringComparer.Ordinal);

    /// <summary>The officer this node last assigned in <paramref name="department"/>: where "least loaded" breaks the next tie.</summary>
    public string? LastAssigned(string department) => lastAssigned.GetValueOrDefault(department);

    /// <summary>
    /// The counts for <paramref name="department"/> when they are younger than <paramref name="refresh"/>, or stale
    /// but another caller's count is under way (so a busy department is counted once, not by every request at the
    /// moment it expires). Otherwise null, and the caller counts and hands the result to <see cref="Store"/>.
    /// </summary>
    public IReadOnlyDictionary<string, int>? Fresh(string department, DateTimeOffset now, TimeSpan refresh)
    {
        if (refresh <= TimeSpan.Zero)
        {
            return null;
        }
        var entry = entries.GetOrAdd(department, _ => new Entry());
        lock (entry)
        {
            // A count from the future (the clock was set back) is not young.
            var young = entry.Counts is not null && Within(now - entry.CountedAt, refresh);
            // A count that never came back (its batch failed before it ran) holds the others for one interval at most.
            var counting = entry.Counts is not null && entry.CountStartedAt is { } started && Within(now - started, refresh);
            if (young || counting)
            {
                return new Dictionary<string, int>(entry.Counts!, StringComparer.Ordinal);
            }
            entry.CountStartedAt = now;
            return null;
        }
    }

    /// <summary>A count read from the database, taken at <paramref name="countedAt"/> (when the read was started).</summary>
    public void Store(string department, IReadOnlyDictionary<string, int> counts, DateTimeOffset countedAt)
    {
        var entry = entries.GetOrAdd(department, _ => new Entry());
        lock (entry)
        {
            entry.Counts = new Dictionary<string, int>(counts, StringComparer.Ordinal);
            entry.CountedAt = countedAt;
            entry.CountStartedAt = null;
        }
    }

    /// <summary>
    /// This node assigned a request in <paramref name="department"/> to <paramref name="officerId"/>: the next
    /// decisions before the next count see it. If that transaction then fails, the officer looks one busier until
    /// the next count.
    /// </summary>
    public void Assigned(string department, string officerId)
    {
        lastAssigned[department] = officerId;
        if (!entries.TryGetValue(department, out var entry))
        {
            return;
        }
        lock (entry)
        {
            if (entry.Counts is not null)
            {
                entry.Counts[officerId] = entry.Counts.GetValueOrDefault(officerId) + 1;
            }
        }
    }

    private static bool Within(TimeSpan age, TimeSpan refresh) => age >= TimeSpan.Zero && age < refresh;

    private sealed class Entry
    {
        public Dictionary<string, int>? Counts { get; set; }

        public DateTimeOffset CountedAt { get; set; }

        public DateTimeOffset? CountStartedAt { get; set; }
    }
}
