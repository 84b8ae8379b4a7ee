using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace MyGovernment.Benchmarks;

/// <summary>
/// Reads a running .NET process's runtime events (EventPipe, the channel dotnet-trace uses) for as long as it lives:
/// one provider, the given keywords at verbose level, no stacks, no rundown of what is already loaded.
/// </summary>
public abstract class RuntimeEventMeter : IAsyncDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;

    protected RuntimeEventMeter(int processId, ClrTraceEventParser.Keywords keywords)
    {
        var provider = new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)keywords);
        _session = new DiagnosticsClient(processId).StartEventPipeSession([provider], requestRundown: false);
        _reading = Task.Run(Read);
    }

    /// <summary>Attaches the handlers for the events this meter counts (called once, on the reading thread).</summary>
    protected abstract void Subscribe(ClrTraceEventParser clr);

    private void Read()
    {
        using var source = new EventPipeEventSource(_session.EventStream);
        Subscribe(source.Clr);
        try
        {
            source.Process();
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException)
        {
            // The process exited or the session was stopped: what was counted so far stands.
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
        // A reader still blocked on a dead process's stream after 5 s is left behind: what was counted stands.
        await _reading.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _session.Dispose();
        GC.SuppressFinalize(this);
    }
}
