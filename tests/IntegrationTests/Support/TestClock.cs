namespace MyGovernment.IntegrationTests.Support;

/// <summary>
/// Real time, shifted by an offset that belongs to the current async flow only, so a test can move "now" forward
/// for the commands it sends without disturbing tests running beside it.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private static readonly AsyncLocal<TimeSpan> Offset = new();

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset.Value;

    /// <summary>Moves this flow's clock forward (cumulative); undone when the returned scope is disposed.</summary>
    public static IDisposable Advance(TimeSpan by)
    {
        var previous = Offset.Value;
        Offset.Value = previous + by;
        return new Restore(previous);
    }

    private sealed class Restore(TimeSpan previous) : IDisposable
    {
        public void Dispose() => Offset.Value = previous;
    }
}
