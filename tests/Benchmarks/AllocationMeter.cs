using Microsoft.Diagnostics.Tracing.Parsers;

namespace MyGovernment.Benchmarks;

/// <summary>
/// Bytes the API process allocates, read from the runtime's own event stream (EventPipe, the channel dotnet-trace uses):
/// the garbage collector's allocation ticks, one about every 100 kB allocated, each with the exact amount since the
/// previous one and the type that crossed the mark. Unlike CPU time, allocations per command do not change with how
/// busy or slow the machine is, so two builds can be compared on a shared machine; the types name what allocates.
/// </summary>
public sealed class AllocationMeter(int processId) : RuntimeEventMeter(processId, ClrTraceEventParser.Keywords.GC)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _byType = [];
    private long _total;

    /// <summary>
    /// Attaches to a running .NET process (the API started by <see cref="ApiProcess"/>). The GC keyword at verbose
    /// level carries AllocationTick: a few hundred small events a second under load, which costs the API nothing measurable.
    /// </summary>
    public static AllocationMeter Attach(int processId) => new(processId);

    public readonly record struct Reading(long Bytes, IReadOnlyDictionary<string, long> ByType);

    /// <summary>
    /// The totals so far. Events reach this process a fraction of a second after they happen: take a reading when the
    /// API has been quiet for a moment (as <c>CommandStatements</c> does), not in the middle of a burst.
    /// </summary>
    public Reading Take()
    {
        lock (_gate)
        {
            return new Reading(_total, new Dictionary<string, long>(_byType));
        }
    }

    protected override void Subscribe(ClrTraceEventParser clr) => clr.GCAllocationTick += tick =>
    {
        lock (_gate)
        {
            _total += tick.AllocationAmount64;
            _byType[tick.TypeName] = _byType.GetValueOrDefault(tick.TypeName) + tick.AllocationAmount64;
        }
    };
}
