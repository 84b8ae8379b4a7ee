using System.Diagnostics;

namespace MyGovernment.Benchmarks;

/// <summary>Thrown by an operation that has run out of prepared work: its client stops, nothing is recorded.</summary>
public sealed class NoMoreWorkException : Exception;

/// <summary>Throughput and latency percentiles of one scenario at one concurrency.</summary>
/// <param name="AppCpuMsPerOp">CPU of the application under test per operation (the benchmark process for 1 and 2, the API for 3).</param>
/// <param name="DbCpuMsPerOp">CPU of PostgreSQL per operation.</param>
/// <param name="DrainSeconds">How long the API's background follow-ups (Wolverine's durable inbox) took to catch up after the run.</param>
/// <param name="SustainedPerSecond">Operations over run plus drain: the rate the system can keep up, follow-ups included.</param>
/// <param name="AppKbPerOp">Memory the application under test allocated per operation, follow-ups included: unlike CPU
/// time it does not change with the machine's load, so it compares builds measured on different days.</param>
/// <param name="AppMethodsCompiled">Methods the API's runtime compiled during run and drain (null where not counted): CPU
/// spent once per process, which a measurement of the steady state should not contain.</param>
public sealed record Measurement(string Scenario, int Clients, long Operations, long Errors, double Seconds, double PerSecond, double P50Ms, double P95Ms, double P99Ms,
    double AppCpuMsPerOp = 0, double DbCpuMsPerOp = 0, double DrainSeconds = 0, double SustainedPerSecond = 0, double AppKbPerOp = 0, long? AppMethodsCompiled = null);

/// <summary>
/// Runs an operation from N concurrent clients for a fixed time (after a short warm-up) and records every latency.
/// Bounded in time and count: it stops by itself.
/// </summary>
public static class LoadRunner
{
    public static async Task<Measurement> RunAsync(
        string scenario, int clients, TimeSpan duration, Func<int, Task> operation, TimeSpan? warmup = null, (CpuMeter Meter, Process App)? cpu = null,
        Func<Task>? drain = null, Func<long>? allocated = null, Func<long>? compiled = null)
    {
        await RunForAsync(clients, warmup ?? TimeSpan.FromSeconds(1), operation, null);
        var before = cpu?.Meter.Take(cpu.Value.App);
        var allocatedBefore = allocated?.Invoke();
        var compiledBefore = compiled?.Invoke();
        var latencies = new List<double>[clients];
        var errors = 0L;
        var clock = Stopwatch.StartNew();
        await RunForAsync(clients, duration, operation, (client, ms, ok) =>
        {
            (latencies[client] ??= []).Add(ms);
            if (!ok)
            {
                Interlocked.Increment(ref errors);
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        if (drain is not null)
        {
            await drain();
        }
        var drainSeconds = clock.Elapsed.TotalSeconds - seconds;
        // After the drain, so CPU per operation includes the follow-up work each operation caused.
        var after = cpu?.Meter.Take(cpu.Value.App);
        var allocatedAfter = allocated?.Invoke();
        var compiledAfter = compiled?.Invoke();
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        var ops = Math.Max(1, all.Length - errors);
        return new Measurement(scenario, clients, all.Length - errors, errors, seconds, (all.Length - errors) / seconds,
            Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99),
            before is { } b && after is { } a ? (a.App - b.App).TotalMilliseconds / ops : 0,
            before is { } b2 && after is { } a2 ? (a2.Db - b2.Db).TotalMilliseconds / ops : 0,
            drainSeconds, (all.Length - errors) / (seconds + drainSeconds),
            allocatedBefore is { } ab && allocatedAfter is { } aa ? (aa - ab) / 1024.0 / ops : 0,
            compiledAfter - compiledBefore);
    }

    private static async Task RunForAsync(int clients, TimeSpan duration, Func<int, Task> operation, Action<int, double, bool>? record)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = true;
                try
                {
                    await operation(client);
                }
                catch (NoMoreWorkException)
                {
                    return;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    ok = false;
                }
                record?.Invoke(client, Stopwatch.GetElapsedTime(start).TotalMilliseconds, ok);
            }
        })));
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
