using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace MyGovernment.Benchmarks;

/// <summary>
/// Bytes the API process allocates, read from the runtime's own event stream (EventPipe, the channel dotnet-trace uses):
/// the garbage collector's allocation ticks, one about every 100 kB allocated, each with the exact amount since the
/// previous one and the type that crossed the mark. Unlike CPU time, allocations per command do not change with how
/// busy or slow the machine is, so two builds can be compared on a shared machine; the types name what allocates.
/// </summary>
public sealed class AllocationMeter : IAsyncDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _byType = [];
    private long _total;

    private AllocationMeter(EventPipeSession session)
    {
        _session = session;
        _reading = Task.Run(Read);
    }

    /// <summary>Attaches to a running .NET process (the API started by <see cref="ApiProcess"/>).</summary>
    public static AllocationMeter Attach(int processId)
    {
        // The GC keyword at verbose level carries AllocationTick; no stacks, no rundown: a few hundred small events a
        // second under load, which costs the API nothing measurable.
        var provider = new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC);
        return new AllocationMeter(new DiagnosticsClient(processId).StartEventPipeSession([provider], requestRundown: false));
    }

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

    private void Read()
    {
        using var source = new EventPipeEventSource(_session.EventStream);
        source.Clr.GCAllocationTick += tick =>
        {
            lock (_gate)
            {
                _total += tick.AllocationAmount64;
                _byType[tick.TypeName] = _byType.GetValueOrDefault(tick.TypeName) + tick.AllocationAmount64;
            }
        };
        try
        {
            source.Process();
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException)
        {
            // The API exited or the session was stopped: the totals read so far stand.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _session.StopAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or EndOfStreamException)
        {
            // The process is already gone.
        }
        // A reader still blocked on a dead process's stream after 5 s is left behind: the totals read so far stand.
        await _reading.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _session.Dispose();
    }
}
