namespace MyGovernment.Api.Oversight.Simulation;

/// <summary>
/// The business clock of a simulation: every command handler reads "now" from it, so a simulated month of
/// activity is stamped with the month's times. Starts at real time; the runner sets it before each step.
/// </summary>
public sealed class SimulationClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Set(DateTimeOffset instant) => Interlocked.Exchange(ref _ticks, instant.UtcTicks);
}
