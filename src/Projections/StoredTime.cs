namespace MyGovernment.Projections;

/// <summary>
/// An instant as PostgreSQL's timestamptz holds it: UTC, whole microseconds. Two roads lead into that type and they
/// disagree on the seventh fractional digit of a .NET instant: casting the JSON text rounds it
/// (<c>rint(fraction * 1e6)</c>, halves to even), while Npgsql writing a parameter or a duplicated column drops it.
/// A key compared in SQL (a keyset cursor, an ordered column) must mean one value whichever road it took.
/// </summary>
public static class StoredTime
{
    /// <summary>The instant as a text cast would store it; already whole microseconds, it is what every road stores.</summary>
    public static DateTimeOffset Of(DateTimeOffset instant)
    {
        var utc = instant.UtcTicks;
        var wholeSecond = utc - (utc % TimeSpan.TicksPerSecond);
        var fraction = (utc % TimeSpan.TicksPerSecond) / (double)TimeSpan.TicksPerSecond;
        var micros = (long)Math.Round(fraction * 1_000_000d, MidpointRounding.ToEven);
        return new DateTimeOffset(wholeSecond + (micros * 10), TimeSpan.Zero);
    }
}
