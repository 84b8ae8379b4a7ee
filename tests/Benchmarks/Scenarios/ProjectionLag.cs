using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace MyGovernment.Benchmarks.Scenarios;

/// <param name="CommandP50Ms">Latency of the paced commands themselves (open loop, at this rate): the "p99 at half saturation" target.</param>
public sealed record LagResult(double TargetPerSecond, double AchievedPerSecond, double P50Ms, double P95Ms, double MaxMs, int Samples,
    double CommandP50Ms = 0, double CommandP95Ms = 0, double CommandP99Ms = 0, long CommandErrors = 0, string SlowWindows = "",
    string Client = "");

/// <summary>
/// Sustained command load at a fixed rate while sampling how far the async daemon's progression trails the event
/// store's high-water mark: lag of a sample = time until the daemon has processed everything that existed then.
/// </summary>
public static class ProjectionLag
{
    public static async Task<LagResult> MeasureAsync(NpgsqlDataSource db, double perSecond, TimeSpan duration, Func<int, Task> command)
    {
        var samples = new List<(double At, long HighWater)>();
        var reached = new List<(double At, long Progress)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);

        var sampler = Task.Run(async () =>
        {
            while (clock.Elapsed < duration + TimeSpan.FromSeconds(10))
            {
                var (highWater, progress) = await ReadAsync(db);
                var at = clock.Elapsed.TotalMilliseconds;
                if (!stop.IsCancellationRequested)
                {
                    samples.Add((at, highWater));
                }
                reached.Add((at, progress));
                if (stop.IsCancellationRequested && progress >= highWater)
                {
                    break;
                }
                await Task.Delay(25);
            }
        });

        // Open-loop pacing: commands start on schedule whether or not earlier ones finished. The load generator's own
        // pauses (its garbage collections, its threads waiting for one of the two cores) are counted beside the
        // results: a send that leaves late makes a burst the API then queues, which looks like a pause of the system.
        var gcPause = GC.GetTotalPauseDuration();
        var gcCounts = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2));
        var latest = (By: 0.0, At: DateTime.MinValue);
        var sent = 0;
        var inFlight = new List<Task<double>>();
        var sentAt = new List<double>();
        var wallStart = DateTime.UtcNow;
        var interval = 1000.0 / perSecond;
        while (!stop.IsCancellationRequested)
        {
            var due = sent * interval;
            var wait = due - clock.Elapsed.TotalMilliseconds;
            if (wait > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }
            var now = clock.Elapsed.TotalMilliseconds;
            if (now - due > latest.By)
            {
                latest = (now - due, wallStart.AddMilliseconds(due));
            }
            sentAt.Add(now);
            inFlight.Add(TimedAsync(command, sent % HttpCommands.MaxClients));
            sent++;
        }
        var client = string.Create(CultureInfo.InvariantCulture,
            $"load generator while sending: GC pause {(GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds:0} ms " +
            $"(gen0 {GC.CollectionCount(0) - gcCounts.Gen0}, gen1 {GC.CollectionCount(1) - gcCounts.Gen1}, gen2 {GC.CollectionCount(2) - gcCounts.Gen2}), " +
            $"latest send {latest.By:0} ms behind schedule (due {latest.At:HH:mm:ss.ff})");
        var latencies = await Task.WhenAll(inFlight);
        await sampler;
        var ok = latencies.Where(l => !double.IsNaN(l)).Order().ToArray();

        var lags = samples.Select(s =>
        {
            var done = reached.FirstOrDefault(r => r.At >= s.At && r.Progress >= s.HighWater);
            return done == default ? double.NaN : done.At - s.At;
        }).Where(l => !double.IsNaN(l)).Order().ToArray();
        var p99 = LoadRunner.Percentile(ok, 0.99);
        return new LagResult(perSecond, sent / duration.TotalSeconds, LoadRunner.Percentile(lags, 0.5), LoadRunner.Percentile(lags, 0.95),
            lags.Length == 0 ? 0 : lags[^1], lags.Length,
            LoadRunner.Percentile(ok, 0.5), LoadRunner.Percentile(ok, 0.95), p99, latencies.Length - ok.Length,
            SlowWindows(wallStart, sentAt, latencies, p99), client);
    }

    /// <summary>
    /// Where the tail came from: the 250 ms windows of sending in which most commands at or above the p99 were sent,
    /// with their worst latency and the wall-clock time (to set beside GC, checkpoint or daemon logs). A tail spread
    /// over the run is queueing; a tail in one or two windows is a pause.
    /// </summary>
    private static string SlowWindows(DateTime wallStart, List<double> sentAt, double[] latencies, double p99)
    {
        var slow = sentAt.Zip(latencies).Where(c => !double.IsNaN(c.Second) && c.Second >= p99).ToList();
        var windows = slow.GroupBy(c => (int)(c.First / 250))
            .OrderByDescending(w => w.Count()).Take(4)
            .Select(w => string.Create(CultureInfo.InvariantCulture,
                $"{wallStart.AddMilliseconds(w.Key * 250):HH:mm:ss.ff} {w.Count()} (max {w.Max(c => c.Second):0} ms)"));
        return $"{slow.Count} slow commands in {slow.Select(c => (int)(c.First / 250)).Distinct().Count()} windows of 250 ms; most in {string.Join(", ", windows)}";
    }

    /// <summary>Milliseconds from the scheduled start to the answer; NaN when the command failed.</summary>
    private static async Task<double> TimedAsync(Func<int, Task> command, int client)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await command(client);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return double.NaN;
        }
    }

    private static async Task<(long HighWater, long Progress)> ReadAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand(
            "select (select coalesce(max(seq_id), 0) from mygov.mt_events), " +
            "(select coalesce(min(last_seq_id), 0) from mygov.mt_event_progression where name like '%:%')");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
