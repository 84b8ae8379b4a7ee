namespace MyGovernment.Simulator;

/// <summary>
/// The business clock of a simulation: every command handler reads "now" from it, so a simulated month of
/// activity is stamped with the month's times. Real time until the runner sets it, and again once it releases it.
/// </summary>
public sealed class SimulationClock : TimeProvider
{
    private long _ticks;

    public override DateTimeOffset GetUtcNow()
    {
        var ticks = Interlocked.Read(ref _ticks);
        return ticks == 0 ? System.GetUtcNow() : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    public void Set(DateTimeOffset instant) => Interlocked.Exchange(ref _ticks, instant.UtcTicks);

    public void Release() => Interlocked.Exchange(ref _ticks, 0);
}
